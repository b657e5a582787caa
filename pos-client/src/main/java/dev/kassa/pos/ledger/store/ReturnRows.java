package dev.kassa.pos.ledger.store;

import static dev.kassa.pos.ledger.store.Columns.setNullable;
import static dev.kassa.pos.ledger.store.Columns.text;

import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Returns and voids as rows, rebuilt column by column like sales. */
final class ReturnRows {
  private static final String RETURN_COLUMNS = "id, original_sale_id, receipt_no, shift_id, store_id, terminal_id,"
      + " cashier_id, approved_by, created_at, currency, total, card_number, points_reversed, points_restored, reason,"
      + " line_count, refund_count";
  private static final String VOID_COLUMNS =
      "id, sale_id, shift_id, store_id, terminal_id, cashier_id, approved_by, created_at, reason";

  private final LedgerDatabase db;

  ReturnRows(LedgerDatabase db) {
    this.db = db;
  }

  void insert(SaleReturn r) throws SQLException {
    String id = r.id().toString();
    PreparedStatement st = db.statement(
        "INSERT INTO returns (" + RETURN_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.setString(1, id);
    st.setString(2, r.originalSaleId().toString());
    st.setLong(3, r.receiptNo());
    st.setString(4, r.shiftId().toString());
    st.setString(5, r.storeId());
    st.setString(6, r.terminalId());
    st.setString(7, r.cashierId());
    setNullable(st, 8, r.approvedBy());
    st.setString(9, text(r.createdAt()));
    st.setString(10, r.total().currency().getCurrencyCode());
    st.setLong(11, r.total().minor());
    setNullable(st, 12, r.cardNumber());
    st.setLong(13, r.pointsReversed());
    st.setLong(14, r.pointsRestored());
    setNullable(st, 15, r.reason());
    st.setInt(16, r.lines().size());
    st.setInt(17, r.refunds().size());
    st.executeUpdate();
    PreparedStatement line = db.statement("INSERT INTO return_lines (return_id, idx, original_line_no, qty_value,"
        + " qty_unit, refund, points_reversed) VALUES (?,?,?,?,?,?,?)");
    for (int i = 0; i < r.lines().size(); i++) {
      ReturnLine l = r.lines().get(i);
      line.setString(1, id);
      line.setInt(2, i + 1);
      line.setInt(3, l.originalLineNo());
      line.setLong(4, l.quantity().value());
      line.setString(5, l.quantity().unit().name());
      line.setLong(6, l.refund().minor());
      line.setLong(7, l.pointsReversed());
      line.executeUpdate();
    }
    Columns.insertPayments(db.statement(
        "INSERT INTO return_refunds (return_id, seq, method, amount, tendered, reference) VALUES (?,?,?,?,?,?)"),
        id, r.refunds());
  }

  /** How much of each line of {@code saleId} earlier returns took back (line number to quantity value). */
  Map<Integer, Long> returnedQuantities(UUID saleId) throws SQLException {
    PreparedStatement st = db.statement("SELECT l.original_line_no, sum(l.qty_value) FROM return_lines l"
        + " JOIN returns r ON r.id = l.return_id WHERE r.original_sale_id = ? GROUP BY l.original_line_no");
    st.setString(1, saleId.toString());
    Map<Integer, Long> returned = new HashMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        returned.put(rs.getInt(1), rs.getLong(2));
      }
    }
    return returned;
  }

  void insertVoid(SaleVoid v) throws SQLException {
    PreparedStatement st = db.statement("INSERT INTO voids (" + VOID_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)");
    st.setString(1, v.id().toString());
    st.setString(2, v.saleId().toString());
    st.setString(3, v.shiftId().toString());
    st.setString(4, v.storeId());
    st.setString(5, v.terminalId());
    st.setString(6, v.cashierId());
    st.setString(7, v.approvedBy());
    st.setString(8, text(v.createdAt()));
    st.setString(9, v.reason());
    st.executeUpdate();
  }

  boolean isVoided(UUID saleId) throws SQLException {
    PreparedStatement st = db.statement("SELECT 1 FROM voids WHERE sale_id = ?");
    st.setString(1, saleId.toString());
    try (ResultSet rs = st.executeQuery()) {
      return rs.next();
    }
  }

  void readAllReturns(Consumer<StoredDocument> sink) throws SQLException {
    Map<String, List<Object[]>> lines = new HashMap<>();
    try (ResultSet rs = db.statement("SELECT return_id, original_line_no, qty_value, qty_unit, refund, points_reversed"
        + " FROM return_lines ORDER BY return_id, idx").executeQuery()) {
      while (rs.next()) {
        lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
            new Object[] {rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6)});
      }
    }
    Map<String, List<Object[]>> refunds = new HashMap<>();
    try (ResultSet rs = db.statement("SELECT return_id, method, amount, tendered, reference FROM return_refunds"
        + " ORDER BY return_id, seq").executeQuery()) {
      while (rs.next()) {
        refunds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
            new Object[] {rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)});
      }
    }
    try (ResultSet rs = db.statement("SELECT " + RETURN_COLUMNS + " FROM returns ORDER BY receipt_no").executeQuery()) {
      while (rs.next()) {
        UUID id = UUID.fromString(rs.getString(1));
        long receiptNo = rs.getLong(3);
        try {
          sink.accept(StoredDocument.of("return", id, receiptNo,
              rebuild(rs, lines.getOrDefault(rs.getString(1), List.of()), refunds.getOrDefault(rs.getString(1), List.of()))));
        } catch (RuntimeException e) {
          sink.accept(StoredDocument.unreadable("return", id, receiptNo, e.getMessage()));
        }
      }
    }
  }

  private static SaleReturn rebuild(ResultSet rs, List<Object[]> lineRows, List<Object[]> refundRows)
      throws SQLException {
    Currency currency = Currency.getInstance(rs.getString(10));
    if (lineRows.size() != rs.getInt(16) || refundRows.size() != rs.getInt(17)) {
      throw new IllegalStateException("line or refund rows do not match the header counts");
    }
    List<ReturnLine> lines = new ArrayList<>();
    for (Object[] r : lineRows) {
      lines.add(new ReturnLine((Integer) r[0], Columns.quantity((Long) r[1], (String) r[2]),
          Money.ofMinor((Long) r[3], currency), (Long) r[4]));
    }
    List<Payment> refunds = new ArrayList<>();
    for (Object[] r : refundRows) {
      refunds.add(Columns.payment((String) r[0], (Long) r[1], (Long) r[2], (String) r[3], currency));
    }
    return new SaleReturn(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(5),
        rs.getString(6), UUID.fromString(rs.getString(4)), rs.getLong(3), rs.getString(7), rs.getString(8),
        Columns.instant(rs.getString(9)), lines, Money.ofMinor(rs.getLong(11), currency), refunds, rs.getString(12),
        rs.getLong(13), rs.getLong(14), rs.getString(15));
  }

  void readAllVoids(Consumer<StoredDocument> sink) throws SQLException {
    try (ResultSet rs = db.statement("SELECT " + VOID_COLUMNS + " FROM voids ORDER BY created_at").executeQuery()) {
      while (rs.next()) {
        UUID id = UUID.fromString(rs.getString(1));
        try {
          sink.accept(StoredDocument.of("void", id, 0, new SaleVoid(id, UUID.fromString(rs.getString(2)),
              rs.getString(4), rs.getString(5), UUID.fromString(rs.getString(3)), rs.getString(6), rs.getString(7),
              Columns.instant(rs.getString(8)), rs.getString(9))));
        } catch (RuntimeException e) {
          sink.accept(StoredDocument.unreadable("void", id, 0, e.getMessage()));
        }
      }
    }
  }
}
