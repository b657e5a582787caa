package dev.kassa.server.loyalty.store;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Sale;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The merged history of a batch's cards, read in a few queries: each card's sales of the last year
 * and first purchase, and the birthday it was enrolled with (or else issued with). From it, the card as the engine sees
 * it just before a given sale.
 */
final class CardHistory {
  private static final Duration SPEND_WINDOW = Duration.ofDays(365);

  private record Purchase(String saleId, long at, long totalMinor) {}

  private final Map<String, List<Purchase>> recent = new HashMap<>();
  private final Map<String, Long> firstPurchase = new HashMap<>();
  private final Map<String, LocalDate> birthdays = new HashMap<>();

  static CardHistory of(Connection c, List<Sale> sales) throws SQLException {
    CardHistory history = new CardHistory();
    TreeSet<String> cards = new TreeSet<>();
    long from = Long.MAX_VALUE;
    for (Sale sale : sales) {
      if (sale.loyalty() != null) {
        cards.add(sale.loyalty().cardNumber());
        from = Math.min(from, sale.createdAt().minus(SPEND_WINDOW).toEpochMilli());
      }
    }
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      history.read(c, chunk, from);
    }
    return history;
  }

  /** The history of {@code cards} as needed for their states at {@code now} or later. */
  static CardHistory ofCards(Connection c, Collection<String> cards, Instant now) throws SQLException {
    CardHistory history = new CardHistory();
    for (List<String> chunk : Sql.chunks(new ArrayList<>(new TreeSet<>(cards)), 500)) {
      history.read(c, chunk, now.minus(SPEND_WINDOW).toEpochMilli());
    }
    return history;
  }

  private void read(Connection c, List<String> cards, long from) throws SQLException {
    List<Object> params = new ArrayList<>(cards);
    params.add(from);
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, id, created_at, total_minor FROM sales"
        + " WHERE card_number IN (" + Sql.marks(cards.size()) + ") AND created_at >= ?")) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          recent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new Purchase(rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, MIN(created_at) FROM sales"
        + " WHERE card_number IN (" + Sql.marks(cards.size()) + ") GROUP BY card_number")) {
      Sql.bind(ps, cards);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          firstPurchase.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    // the birthday the card was issued with, unless the member gave one when enrolling
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, birthday FROM cards"
        + " WHERE card_number IN (" + Sql.marks(cards.size()) + ") AND birthday IS NOT NULL")) {
      Sql.bind(ps, cards);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          birthdays.put(rs.getString(1), LocalDate.parse(rs.getString(2)));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, birthday FROM member_enrolments"
        + " WHERE card_number IN (" + Sql.marks(cards.size()) + ") AND birthday IS NOT NULL"
        + " ORDER BY enrolled_at DESC")) {
      Sql.bind(ps, cards);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          birthdays.put(rs.getString(1), LocalDate.parse(rs.getString(2)));
        }
      }
    }
  }

  /** The card before {@code sale}: spend of the year before it, first purchase if one came before. */
  CardState stateBefore(Sale sale) {
    String card = sale.loyalty().cardNumber();
    long spend = spendBefore(card, sale.createdAt(), sale.id().toString());
    // the redemption the terminal made is a fact here; the balance only has to allow it
    return new CardState(card, sale.loyalty().pointsRedeemed(), List.of(), null,
        Money.ofMinor(spend, sale.total().currency()), firstPurchaseBefore(card, sale.createdAt()),
        birthdays.get(card));
  }

  /**
   * The card's spend in minor units over the year before {@code at} ({@code at} itself left out),
   * without the sale {@code exceptSaleId}: the spend a sale at {@code at} is tiered by.
   */
  private long spendBefore(String card, Instant at, String exceptSaleId) {
    return spend(card, at.minus(SPEND_WINDOW).toEpochMilli(), at.toEpochMilli(), exceptSaleId);
  }

  /**
   * The card's spend in minor units from the year before {@code now} on (sales dated after
   * {@code now} by a terminal's clock included): what the cards feed publishes, to which a
   * terminal adds its own sales the server has not seen.
   */
  long spendSinceYearBefore(String card, Instant now) {
    return spend(card, now.minus(SPEND_WINDOW).toEpochMilli(), Long.MAX_VALUE, null);
  }

  private long spend(String card, long from, long until, String exceptSaleId) {
    long spend = 0;
    for (Purchase p : recent.getOrDefault(card, List.of())) {
      if (p.at() >= from && p.at() < until && !p.saleId().equals(exceptSaleId)) {
        spend = Math.addExact(spend, p.totalMinor());
      }
    }
    return spend;
  }

  private Instant firstPurchaseBefore(String card, Instant at) {
    Long first = firstPurchase.get(card);
    return first != null && first < at.toEpochMilli() ? Instant.ofEpochMilli(first) : null;
  }

  /** When the card first bought; null when it never did. */
  Instant firstPurchase(String card) {
    Long first = firstPurchase.get(card);
    return first == null ? null : Instant.ofEpochMilli(first);
  }

  /** The birthday the card's member was enrolled with; null when not known. */
  LocalDate birthday(String card) {
    return birthdays.get(card);
  }
}
