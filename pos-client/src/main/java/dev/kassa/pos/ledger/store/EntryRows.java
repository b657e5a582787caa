package dev.kassa.pos.ledger.store;

import static dev.kassa.pos.ledger.store.Columns.setNullable;
import static dev.kassa.pos.ledger.store.Columns.text;

import dev.kassa.model.ledger.LedgerEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The points-ledger entries this terminal made. They count towards a card's offline balance
 * until the server has acknowledged them and a card balance received afterwards includes them
 * ({@code synced_mark} against the card row's {@code mark}).
 */
final class EntryRows {
  private final LedgerDatabase db;

  EntryRows(LedgerDatabase db) {
    this.db = db;
  }

  void insert(LedgerEntry e) throws SQLException {
    PreparedStatement st = db.statement("INSERT INTO loyalty_entries (id, card_number, type, points, at, hlc, store_id,"
        + " terminal_id, sale_id, reverses, expires_at, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    st.setString(1, e.id().toString());
    st.setString(2, e.cardNumber());
    st.setString(3, e.type().name());
    st.setLong(4, e.points());
    st.setString(5, text(e.at()));
    st.setLong(6, e.hlc().value());
    st.setString(7, e.storeId());
    st.setString(8, e.terminalId());
    setNullable(st, 9, Columns.text(e.saleId()));
    setNullable(st, 10, Columns.text(e.reverses()));
    setNullable(st, 11, text(e.expiresAt()));
    setNullable(st, 12, e.reason());
    st.executeUpdate();
  }

  /** Entries of the outbox events {@code eventId} (if it is one) now known to the server as of {@code mark}. */
  void markSynced(String eventId, long mark) throws SQLException {
    PreparedStatement st = db.statement("UPDATE loyalty_entries SET synced_mark = ?"
        + " WHERE id = (SELECT entry_id FROM outbox WHERE event_id = ?) AND synced_mark IS NULL");
    st.setLong(1, mark);
    st.setString(2, eventId);
    st.executeUpdate();
  }

  /** A rejected entry never reaches the server's balance, so it stops counting here too (mark 0). */
  void markRejected(String eventId) throws SQLException {
    PreparedStatement st = db.statement(
        "UPDATE loyalty_entries SET synced_mark = 0 WHERE id = (SELECT entry_id FROM outbox WHERE event_id = ?)");
    st.setString(1, eventId);
    st.executeUpdate();
  }

  /** Sum of this terminal's entries for the card that the confirmed balance (received at {@code cardMark}) lacks. */
  long unconfirmedPoints(String cardNumber, long cardMark) throws SQLException {
    PreparedStatement st = db.statement("SELECT coalesce(sum(points), 0) FROM loyalty_entries"
        + " WHERE card_number = ? AND (synced_mark IS NULL OR synced_mark > ?)");
    st.setString(1, cardNumber);
    st.setLong(2, cardMark);
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Points this terminal's unconfirmed entries took from the card (a sum of debits, zero or negative). */
  long unconfirmedDebits(String cardNumber, long cardMark) throws SQLException {
    PreparedStatement st = db.statement("SELECT coalesce(sum(points), 0) FROM loyalty_entries"
        + " WHERE card_number = ? AND points < 0 AND (synced_mark IS NULL OR synced_mark > ?)");
    st.setString(1, cardNumber);
    st.setLong(2, cardMark);
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long countForSale(String saleId) throws SQLException {
    PreparedStatement st = db.statement("SELECT count(*) FROM loyalty_entries WHERE sale_id = ?");
    st.setString(1, saleId);
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
