package dev.kassa.server.loyalty.store;

import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.SqlRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sales whose points the server computes differently from the terminal: recorded, never hidden. */
public final class MismatchStore {

  /** One recorded difference. */
  public record Mismatch(UUID saleId, String storeId, String terminalId, String cardNumber, int programVersion,
      long terminalPoints, long serverPoints, String detail) {}

  /**
   * Records the differences, a few statements for a whole batch; one recorded already (by sale) is
   * skipped or fails the statement, as {@code ifStored} says.
   */
  public void recordAll(Connection c, List<Mismatch> found, long now, Sql.IfStored ifStored) throws SQLException {
    boolean postgres = Sql.isPostgres(c);
    for (List<Mismatch> chunk : Sql.chunks(found, Sql.ROWS_PER_STATEMENT)) {
      SqlRows rows = new SqlRows(postgres, "text, text, text, text, int4, int8, int8, text, int8");
      for (Mismatch m : chunk) {
        rows.add(m.saleId(), m.storeId(), m.terminalId(), m.cardNumber(), m.programVersion(), m.terminalPoints(),
            m.serverPoints(), m.detail(), now);
      }
      rows.insert(c, ifStored, "points_mismatches", "sale_id, store_id, terminal_id, card_number, program_version,"
          + " terminal_points, server_points, detail, recorded_at", "sale_id");
    }
  }

  public List<Mismatch> list(Connection c) throws SQLException {
    List<Mismatch> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT sale_id, store_id, terminal_id, card_number, program_version,"
        + " terminal_points, server_points, detail FROM points_mismatches ORDER BY sale_id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(new Mismatch(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
      }
    }
    return found;
  }
}
