package dev.kassa.pos.ledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The single {@code terminal} row: who this ledger belongs to and the counters that must move in
 * the same transaction as the documents they number (receipt and Z numbers, the last HLC issued).
 */
final class TerminalRows {
  private final LedgerDatabase db;

  TerminalRows(LedgerDatabase db) {
    this.db = db;
  }

  TerminalRow find() throws SQLException {
    PreparedStatement st = db.statement(
        "SELECT store_id, terminal_id, currency, last_receipt_no, last_z_no, last_hlc FROM terminal WHERE id = 1");
    try (ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new TerminalRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
          rs.getLong(6));
    }
  }

  void create(String storeId, String terminalId, String currency) throws SQLException {
    PreparedStatement st = db.statement("INSERT INTO terminal (id, store_id, terminal_id, currency) VALUES (1, ?, ?, ?)");
    st.setString(1, storeId);
    st.setString(2, terminalId);
    st.setString(3, currency);
    st.executeUpdate();
  }

  /**
   * Moves the receipt counter from {@code receiptNo - 1} to {@code receiptNo}; a mismatch means
   * two writers or a bug, and fails the whole transaction rather than leave a gap or a duplicate.
   */
  void takeReceiptNo(long receiptNo) throws SQLException {
    PreparedStatement st = db.statement(
        "UPDATE terminal SET last_receipt_no = ? WHERE id = 1 AND last_receipt_no = ?");
    st.setLong(1, receiptNo);
    st.setLong(2, receiptNo - 1);
    if (st.executeUpdate() != 1) {
      throw new IllegalStateException("receipt counter is not at " + (receiptNo - 1));
    }
  }

  void takeZNo(long zNo) throws SQLException {
    PreparedStatement st = db.statement("UPDATE terminal SET last_z_no = ? WHERE id = 1 AND last_z_no = ?");
    st.setLong(1, zNo);
    st.setLong(2, zNo - 1);
    if (st.executeUpdate() != 1) {
      throw new IllegalStateException("Z counter is not at " + (zNo - 1));
    }
  }

  void raiseHlc(long hlc) throws SQLException {
    PreparedStatement st = db.statement("UPDATE terminal SET last_hlc = max(last_hlc, ?) WHERE id = 1");
    st.setLong(1, hlc);
    st.executeUpdate();
  }

  /** Skips receipt numbers after a restore; only ever forward. */
  void skipReceiptsTo(long lastReceiptNo) throws SQLException {
    PreparedStatement st = db.statement(
        "UPDATE terminal SET last_receipt_no = max(last_receipt_no, ?) WHERE id = 1");
    st.setLong(1, lastReceiptNo);
    st.executeUpdate();
  }

  /** The next value of the local order of "acknowledged by the server" and "received from the server". */
  long nextMark() throws SQLException {
    db.statement("UPDATE terminal SET mark = mark + 1 WHERE id = 1").executeUpdate();
    try (ResultSet rs = db.statement("SELECT mark FROM terminal WHERE id = 1").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
