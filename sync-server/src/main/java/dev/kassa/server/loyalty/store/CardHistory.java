package dev.kassa.server.loyalty.store;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Sale;
import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.SqlRows;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the engine reads of a card's merged history: its 12-month spend, its first purchase and the
 * birthday it was enrolled with (or else issued with). Read by the database in one query per batch,
 * from the card's hourly totals ({@link SpendStore}) and the sales of the two hours at the window's
 * ends, so the cost does not grow with the card's history: per sale (the card just before that sale)
 * for the engine recompute, or per card (as of now) for the feed. The batch's own sales are not in
 * the hourly totals until the merge adds them; they are counted here from memory.
 */
final class CardHistory {
  private static final Duration SPEND_WINDOW = Duration.ofDays(365);
  private static final int ROWS_PER_QUERY = 500;
  private static final long HOUR = SpendStore.HOUR_MILLIS;

  /** A card's spend in minor units over a window, and its first purchase (null: none in range). */
  private record Spend(long minor, Long firstPurchase) {}

  /** By sale id (engine recompute) or by card number (feed). */
  private final Map<String, Spend> spend = new HashMap<>();
  private final Map<String, LocalDate> birthdays = new HashMap<>();

  /**
   * Whether a sale evaluates the same whatever its card's 12-month spend between {@code low} and
   * {@code high} (minor units): the engine reads the spend only for the tier it reaches.
   */
  interface SpendTolerance {
    /** Only the exact spend will do. */
    SpendTolerance EXACT = (sale, low, high) -> low == high;

    boolean sameBetween(Sale sale, long low, long high);
  }

  /**
   * For each sale with a card, all of them sales of this batch not yet in the hourly totals: the
   * card's spend over the year before the sale (the sale itself and anything at or after its time
   * left out) and its first purchase before the sale.
   */
  static CardHistory before(Connection c, List<Sale> sales) throws SQLException {
    return before(c, sales, SpendTolerance.EXACT);
  }

  /**
   * {@link #before(Connection, List)}, where a sale's spend need only be exact as far as
   * {@code tolerance} says. The hourly totals bound it: at least the hours strictly inside the window,
   * at most those plus the two hours at its ends (a sale's total is never below zero, as no line's
   * discount exceeds its amount). Only a sale whose bounds the tolerance does not accept has the
   * sales of those two hours read row by row, which for a busy card is most of the work.
   */
  static CardHistory before(Connection c, List<Sale> sales, SpendTolerance tolerance) throws SQLException {
    CardHistory history = new CardHistory();
    List<Sale> withCard = distinctWithCard(sales);
    boolean postgres = Sql.isPostgres(c);
    // the batch's other sales on the same card, not in the hourly totals yet: those in the whole hours
    // between the window's ends, and those in its two end hours; grouped by card first, as comparing
    // every sale with every other was a tenth of a push's CPU
    Map<String, List<Sale>> byCard = new HashMap<>();
    for (Sale sale : withCard) {
      byCard.computeIfAbsent(sale.loyalty().cardNumber(), k -> new ArrayList<>()).add(sale);
    }
    Map<String, long[]> pending = new HashMap<>();
    for (Sale sale : withCard) {
      long fromHour = SpendStore.hourOf(sale.createdAt().minus(SPEND_WINDOW).toEpochMilli());
      long toHour = SpendStore.hourOf(sale.createdAt().toEpochMilli());
      long[] inside = new long[2];
      for (Sale other : byCard.get(sale.loyalty().cardNumber())) {
        long hour = SpendStore.hourOf(other.createdAt().toEpochMilli());
        if (other != sale && hour > fromHour && hour < toHour) {
          inside[0] = Math.addExact(inside[0], other.total().minor());
        } else if (other != sale && (hour == fromHour || hour == toHour)) {
          inside[1] = Math.addExact(inside[1], other.total().minor());
        }
      }
      pending.put(sale.id().toString(), inside);
    }
    Map<String, Sale> exact = new LinkedHashMap<>();
    for (List<Sale> chunk : Sql.chunks(withCard, ROWS_PER_QUERY)) {
      SqlRows rows = new SqlRows(postgres, "text, text, int8, int8, int8");
      Map<String, Sale> byKey = new HashMap<>();
      for (Sale sale : chunk) {
        long until = sale.createdAt().toEpochMilli();
        rows.add(sale.id().toString(), sale.loyalty().cardNumber(), until,
            SpendStore.hourOf(sale.createdAt().minus(SPEND_WINDOW).toEpochMilli()), SpendStore.hourOf(until));
        byKey.put(sale.id().toString(), sale);
      }
      // one walk of the card's hours in the window, its end hours included, summed apart
      try (PreparedStatement ps = c.prepareStatement("WITH b(k, card, until, from_hour, to_hour) AS (" + rows.sql()
          + ") SELECT b.k,"
          + " COALESCE(SUM(h.total_minor) FILTER (WHERE h.hour > b.from_hour AND h.hour < b.to_hour), 0),"
          + " COALESCE(SUM(h.total_minor) FILTER (WHERE h.hour = b.from_hour OR h.hour = b.to_hour), 0),"
          + " (SELECT MIN(s.created_at) FROM sales s WHERE s.card_number = b.card AND s.created_at < b.until)"
          + " FROM b LEFT JOIN card_spend_hours h ON h.card_number = b.card AND h.hour >= b.from_hour"
          + " AND h.hour <= b.to_hour GROUP BY b.k, b.card, b.until")) {
        rows.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String key = rs.getString(1);
            long[] batch = pending.get(key);
            long low = Math.addExact(rs.getLong(2), batch[0]);
            long ends = Math.addExact(rs.getLong(3), batch[1]);
            long first = rs.getLong(4);
            Long firstPurchase = rs.wasNull() ? null : first;
            if (ends >= 0 && tolerance.sameBetween(byKey.get(key), low, Math.addExact(low, ends))) {
              history.spend.put(key, new Spend(low, firstPurchase));
            } else {
              exact.put(key, byKey.get(key));
            }
          }
        }
      }
    }
    for (List<Sale> chunk : Sql.chunks(new ArrayList<>(exact.values()), ROWS_PER_QUERY)) {
      SqlRows rows = new SqlRows(postgres, "text, text, int8, int8, int8, int8, int8, int8");
      for (Sale sale : chunk) {
        long until = sale.createdAt().toEpochMilli();
        long since = sale.createdAt().minus(SPEND_WINDOW).toEpochMilli();
        long fromHour = SpendStore.hourOf(since);
        long toHour = SpendStore.hourOf(until);
        rows.add(sale.id().toString(), sale.loyalty().cardNumber(), since, (fromHour + 1) * HOUR, toHour * HOUR, until,
            fromHour, toHour);
      }
      history.read(c, "WITH b(k, card, since, since_end, until_start, until, from_hour, to_hour) AS ("
          + rows.sql() + ") SELECT b.k,"
          + " (SELECT COALESCE(SUM(h.total_minor), 0) FROM card_spend_hours h WHERE h.card_number = b.card"
          + " AND h.hour > b.from_hour AND h.hour < b.to_hour)"
          + " + (SELECT COALESCE(SUM(s.total_minor), 0) FROM sales s WHERE s.card_number = b.card"
          + " AND s.created_at >= b.since AND s.created_at < b.since_end AND s.id <> b.k)"
          + " + (SELECT COALESCE(SUM(s.total_minor), 0) FROM sales s WHERE s.card_number = b.card"
          + " AND s.created_at >= b.until_start AND s.created_at < b.until AND s.id <> b.k),"
          + " (SELECT MIN(s.created_at) FROM sales s WHERE s.card_number = b.card AND s.created_at < b.until)"
          + " FROM b", rows, List.of());
      for (Sale sale : chunk) {
        history.addSpend(sale.id().toString(), pending.get(sale.id().toString())[0]);
      }
    }
    List<String> cards = withCard.stream().map(s -> s.loyalty().cardNumber()).toList();
    history.readIssuedBirthdays(c, cards);
    history.readEnrolledBirthdays(c, cards);
    return history;
  }

  /**
   * For each card: its spend from the year before {@code now} on (sales dated after {@code now} by a
   * terminal's clock included), what the cards feed publishes and a terminal adds its own unsynced
   * sales to, and its first purchase ever. Every sale read must be in the hourly totals already.
   * {@code issuedBirthdays} are the birthdays the cards were issued with, as the caller has read the
   * cards already (absent: none); an enrolment's birthday goes over them, as in {@link #before}.
   */
  static CardHistory asOf(Connection c, Collection<String> cards, Map<String, LocalDate> issuedBirthdays,
      Instant now) throws SQLException {
    CardHistory history = new CardHistory();
    List<String> sorted = new ArrayList<>(new TreeSet<>(cards));
    history.readSpendAsOf(c, sorted, now);
    history.birthdays.putAll(issuedBirthdays);
    history.readEnrolledBirthdays(c, sorted);
    return history;
  }

  private void readSpendAsOf(Connection c, List<String> sorted, Instant now) throws SQLException {
    long since = now.minus(SPEND_WINDOW).toEpochMilli();
    long fromHour = SpendStore.hourOf(since);
    boolean postgres = Sql.isPostgres(c);
    // one walk of each card's hours from the window's first on; the sales of that first hour (the
    // window starts inside it) are read row by row only for the cards that bought in it
    List<String> boughtInFirstHour = new ArrayList<>();
    for (List<String> chunk : Sql.chunks(sorted, ROWS_PER_QUERY)) {
      SqlRows rows = new SqlRows(postgres, "text");
      chunk.forEach(rows::add);
      try (PreparedStatement ps = c.prepareStatement("WITH b(k) AS (" + rows.sql() + ") SELECT b.k,"
          + " COALESCE(SUM(h.total_minor) FILTER (WHERE h.hour > ?), 0), COUNT(h.hour) FILTER (WHERE h.hour = ?),"
          + " (SELECT MIN(s.created_at) FROM sales s WHERE s.card_number = b.k)"
          + " FROM b LEFT JOIN card_spend_hours h ON h.card_number = b.k AND h.hour >= ? GROUP BY b.k")) {
        int next = rows.bind(ps, 1);
        ps.setLong(next++, fromHour);
        ps.setLong(next++, fromHour);
        ps.setLong(next, fromHour);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String card = rs.getString(1);
            long minor = rs.getLong(2);
            if (rs.getLong(3) > 0) {
              boughtInFirstHour.add(card);
            }
            long first = rs.getLong(4);
            spend.put(card, new Spend(minor, rs.wasNull() ? null : first));
          }
        }
      }
    }
    for (List<String> chunk : Sql.chunks(boughtInFirstHour, ROWS_PER_QUERY)) {
      SqlRows rows = new SqlRows(postgres, "text");
      chunk.forEach(rows::add);
      try (PreparedStatement ps = c.prepareStatement("WITH b(k) AS (" + rows.sql() + ") SELECT b.k,"
          + " (SELECT COALESCE(SUM(s.total_minor), 0) FROM sales s WHERE s.card_number = b.k"
          + " AND s.created_at >= ? AND s.created_at < ?) FROM b")) {
        int next = rows.bind(ps, 1);
        ps.setLong(next++, since);
        ps.setLong(next, (fromHour + 1) * HOUR);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            addSpend(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
  }

  /** The sales with a card, each sale once (a batch may carry one sale twice). */
  private static List<Sale> distinctWithCard(List<Sale> sales) {
    Map<UUID, Sale> byId = new LinkedHashMap<>();
    sales.stream().filter(s -> s.loyalty() != null).forEach(s -> byId.putIfAbsent(s.id(), s));
    return new ArrayList<>(byId.values());
  }

  private void addSpend(String key, long minor) {
    Spend s = spend.getOrDefault(key, new Spend(0, null));
    spend.put(key, new Spend(Math.addExact(s.minor(), minor), s.firstPurchase()));
  }

  /** Runs {@code sql} with {@code rows} bound first and {@code after} (numbers) next. */
  private void read(Connection c, String sql, SqlRows rows, List<Long> after) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int next = rows.bind(ps, 1);
      for (Long value : after) {
        ps.setLong(next++, value);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          long minor = rs.getLong(2);
          long first = rs.getLong(3);
          spend.put(key, new Spend(minor, rs.wasNull() ? null : first));
        }
      }
    }
  }

  /** The birthday each card was issued with; {@link #readEnrolledBirthdays} afterwards goes over it. */
  private void readIssuedBirthdays(Connection c, List<String> cards) throws SQLException {
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(new TreeSet<>(cards)), ROWS_PER_QUERY)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, birthday FROM cards"
          + " WHERE " + Sql.any(postgres, "card_number", chunk.size()) + " AND birthday IS NOT NULL")) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            birthdays.put(rs.getString(1), LocalDate.parse(rs.getString(2)));
          }
        }
      }
    }
  }

  /** The birthday the member gave when enrolling the card, over the one it was issued with. */
  private void readEnrolledBirthdays(Connection c, List<String> cards) throws SQLException {
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(new TreeSet<>(cards)), ROWS_PER_QUERY)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, birthday FROM member_enrolments"
          + " WHERE " + Sql.any(postgres, "card_number", chunk.size()) + " AND birthday IS NOT NULL"
          + " ORDER BY enrolled_at DESC")) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            birthdays.put(rs.getString(1), LocalDate.parse(rs.getString(2)));
          }
        }
      }
    }
  }

  /** The card before {@code sale} (read by {@link #before}): spend of the year before it, first purchase before it. */
  CardState stateBefore(Sale sale) {
    String card = sale.loyalty().cardNumber();
    Spend before = spend.getOrDefault(sale.id().toString(), new Spend(0, null));
    // the redemption the terminal made is a fact here; the balance only has to allow it
    return new CardState(card, sale.loyalty().pointsRedeemed(), List.of(), null,
        Money.ofMinor(before.minor(), sale.total().currency()),
        before.firstPurchase() == null ? null : Instant.ofEpochMilli(before.firstPurchase()), birthdays.get(card));
  }

  /** The card's spend in minor units from the year before {@code now} on (read by {@link #asOf}). */
  long spendSinceYearBefore(String card) {
    return spend.getOrDefault(card, new Spend(0, null)).minor();
  }

  /** When the card first bought (read by {@link #asOf}); null when it never did. */
  Instant firstPurchase(String card) {
    Spend s = spend.get(card);
    return s == null || s.firstPurchase() == null ? null : Instant.ofEpochMilli(s.firstPurchase());
  }

  /** The birthday the card's member was enrolled with, else the one it was issued with; null when not known. */
  LocalDate birthday(String card) {
    return birthdays.get(card);
  }
}
