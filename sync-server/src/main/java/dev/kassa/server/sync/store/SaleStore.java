package dev.kassa.server.sync.store;

import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLoyalty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
   * Inserts the sales and returns those inserted now: a sale already held (by sale id), even under
   * another event id, is not merged a second time; it is skipped or fails the statement, as
   * {@code ifStored} says.
   */
  public List<Sale> insert(Connection c, List<Row> rows, Sql.IfStored ifStored) throws SQLException {
    Set<String> inserted = Sql.insert(c, ifStored, "sales", "id, event_id, store_id, terminal_id, receipt_no, created_at,"
        + " total_minor, currency, card_number, points_earned, points_redeemed",
        "text, text, text, text, int8, int8, int8, text, text, int8, int8", rows, row -> {
          Sale s = row.sale();
          SaleLoyalty loyalty = s.loyalty();
          return Arrays.asList(s.id(), row.eventId(), s.storeId(), s.terminalId(), s.receiptNo(),
              s.createdAt().toEpochMilli(), s.total().minor(), s.total().currency().getCurrencyCode(),
              loyalty == null ? null : loyalty.cardNumber(), loyalty == null ? 0L : loyalty.pointsEarned(),
              loyalty == null ? 0L : loyalty.pointsRedeemed());
        });
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
