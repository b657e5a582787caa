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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The merged history of a batch's cards, read in a few queries: each card's sales of the last year
 * and first purchase, and the birthday it was enrolled with. From it, the card as the engine sees
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
    long at = sale.createdAt().toEpochMilli();
    long windowStart = sale.createdAt().minus(SPEND_WINDOW).toEpochMilli();
    long spend = 0;
    for (Purchase p : recent.getOrDefault(card, List.of())) {
      if (p.at() >= windowStart && p.at() < at && !p.saleId().equals(sale.id().toString())) {
        spend = Math.addExact(spend, p.totalMinor());
      }
    }
    Long first = firstPurchase.get(card);
    Instant firstBefore = first != null && first < at ? Instant.ofEpochMilli(first) : null;
    // the redemption the terminal made is a fact here; the balance only has to allow it
    return new CardState(card, sale.loyalty().pointsRedeemed(), List.of(), null,
        Money.ofMinor(spend, sale.total().currency()), firstBefore, birthdays.get(card));
  }
}
