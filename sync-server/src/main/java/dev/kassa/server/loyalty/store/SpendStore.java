package dev.kassa.server.loyalty.store;

import dev.kassa.model.sale.Sale;
import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.SqlRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Each card's spend per UTC hour ({@code card_spend_hours}), so that a card's 12-month spend is read
 * from a bounded number of rows however long its history ({@link CardHistory}). Written by the
 * loyalty merge in the transaction that stores the sales; its rows are locked in (card, hour) order
 * after the card rows, so concurrent merges still take every lock in one global order.
 */
final class SpendStore {
  static final long HOUR_MILLIS = 3_600_000L;

  private SpendStore() {}

  static long hourOf(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR_MILLIS);
  }

  /**
   * Adds the totals of {@code sales} (those with a card; each sale once) to their cards' hours. The
   * sales must be ones stored by this transaction: a sale stored before would be counted twice.
   */
  static void add(Connection c, List<Sale> sales) throws SQLException {
    Map<String, Map<Long, Long>> perCard = new TreeMap<>();
    Set<UUID> seen = new HashSet<>();
    for (Sale sale : sales) {
      if (sale.loyalty() != null && seen.add(sale.id())) {
        perCard.computeIfAbsent(sale.loyalty().cardNumber(), k -> new TreeMap<>())
            .merge(hourOf(sale.createdAt().toEpochMilli()), sale.total().minor(), Math::addExact);
      }
    }
    List<Object[]> rows = new ArrayList<>();
    perCard.forEach((card, hours) -> hours.forEach((hour, minor) -> rows.add(new Object[] {card, hour, minor})));
    boolean postgres = Sql.isPostgres(c);
    for (List<Object[]> chunk : Sql.chunks(rows, Sql.ROWS_PER_STATEMENT)) {
      SqlRows values = new SqlRows(postgres, "text, int8, int8");
      chunk.forEach(values::add);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_spend_hours (card_number, hour, total_minor) "
          + values.sql() + " ON CONFLICT (card_number, hour) DO UPDATE"
          + " SET total_minor = card_spend_hours.total_minor + excluded.total_minor")) {
        values.bind(ps, 1);
        ps.executeUpdate();
      }
    }
  }
}
