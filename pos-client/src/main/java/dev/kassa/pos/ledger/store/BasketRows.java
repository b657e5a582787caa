package dev.kassa.pos.ledger.store;

import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sync.SyncCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The open basket, one row per line, each change its own small transaction: after a crash the
 * cashier finds the basket as it was at the last scan. Completing the sale clears it in the sale's
 * own transaction.
 */
public final class BasketRows {
  private final LedgerDatabase db;

  BasketRows(LedgerDatabase db) {
    this.db = db;
  }

  public void put(SaleLine line) {
    db.write(() -> {
      PreparedStatement st = db.statement("INSERT OR REPLACE INTO basket_lines (line_no, json) VALUES (?, ?)");
      st.setInt(1, line.lineNo());
      st.setString(2, SyncCodec.toJson(line));
      st.executeUpdate();
      return null;
    });
  }

  public void remove(int lineNo) {
    db.write(() -> {
      PreparedStatement st = db.statement("DELETE FROM basket_lines WHERE line_no = ?");
      st.setInt(1, lineNo);
      st.executeUpdate();
      return null;
    });
  }

  public void clear() {
    db.write(() -> {
      clearInTransaction();
      return null;
    });
  }

  void clearInTransaction() throws java.sql.SQLException {
    db.statement("DELETE FROM basket_lines").executeUpdate();
  }

  public List<SaleLine> lines() {
    return db.read(() -> {
      List<SaleLine> lines = new ArrayList<>();
      try (ResultSet rs = db.statement("SELECT json FROM basket_lines ORDER BY line_no").executeQuery()) {
        while (rs.next()) {
          lines.add(SyncCodec.fromJson(rs.getString(1), SaleLine.class));
        }
      }
      return lines;
    });
  }
}
