package dev.kassa.server.sync.store;

import dev.kassa.model.sale.Sale;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Sales in columns beside their full document, for counts and reports. */
public final class SaleStore {

  /** A sale and the id of the event that carried it. */
  public record Row(UUID eventId, Sale sale) {}

  /**
   * Inserts the sales not stored yet (by sale id) and returns those inserted now: a sale already
   * held, even under another event id, is not merged a second time.
   */
  public List<Sale> insert(Connection c, List<Row> rows) throws SQLException {
    Set<String> inserted = new HashSet<>();
    for (List<Row> chunk : Sql.chunks(rows, Sql.ROWS_PER_STATEMENT)) {
      String sql = "INSERT INTO sales (id, event_id, store_id, terminal_id, receipt_no, created_at, total_minor,"
          + " currency, card_number, points_earned, points_redeemed) VALUES " + Sql.valueRows(chunk.size(), 11)
          + " ON CONFLICT (id) DO NOTHING RETURNING id";
      List<Object> values = new ArrayList<>(chunk.size() * 11);
      for (Row row : chunk) {
        Sale s = row.sale();
        values.add(s.id());
        values.add(row.eventId());
        values.add(s.storeId());
        values.add(s.terminalId());
        values.add(s.receiptNo());
        values.add(s.createdAt().toEpochMilli());
        values.add(s.total().minor());
        values.add(s.total().currency().getCurrencyCode());
        values.add(s.loyalty() == null ? null : s.loyalty().cardNumber());
        values.add(s.loyalty() == null ? 0L : s.loyalty().pointsEarned());
        values.add(s.loyalty() == null ? 0L : s.loyalty().pointsRedeemed());
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Sql.bind(ps, values);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getString(1));
          }
        }
      }
    }
    List<Sale> now = new ArrayList<>();
    for (Row row : rows) {
      if (inserted.remove(row.sale().id().toString())) {
        now.add(row.sale());
      }
    }
    return now;
  }

  /** How many sales each terminal has pushed, by terminal id. */
  public Map<String, Long> countPerTerminal(Connection c) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT terminal_id, COUNT(*) FROM sales GROUP BY terminal_id ORDER BY terminal_id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }
}
