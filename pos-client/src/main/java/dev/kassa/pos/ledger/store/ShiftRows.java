package dev.kassa.pos.ledger.store;

import dev.kassa.model.money.Money;
import dev.kassa.model.shift.CashMovement;
import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftOpened;
import dev.kassa.model.shift.ShiftTotals;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Shifts, cash movements and the counters of the X and Z reports, summed from the documents. */
final class ShiftRows {
  private final LedgerDatabase db;

  ShiftRows(LedgerDatabase db) {
    this.db = db;
  }

  void open(ShiftOpened opened) throws SQLException {
    PreparedStatement st = db.statement(
        "INSERT INTO shifts (id, opened_by, opened_at, opening_float) VALUES (?,?,?,?)");
    st.setString(1, opened.shiftId().toString());
    st.setString(2, opened.cashierId());
    st.setString(3, Columns.text(opened.openedAt()));
    st.setLong(4, opened.openingFloat().minor());
    st.executeUpdate();
  }

  void close(ShiftClosed closed) throws SQLException {
    PreparedStatement st = db.statement(
        "UPDATE shifts SET closed_by = ?, closed_at = ?, z_no = ? WHERE id = ? AND closed_at IS NULL");
    st.setString(1, closed.closedBy());
    st.setString(2, Columns.text(closed.closedAt()));
    st.setLong(3, closed.zNumber());
    st.setString(4, closed.shiftId().toString());
    if (st.executeUpdate() != 1) {
      throw new IllegalStateException("shift " + closed.shiftId() + " is not open");
    }
  }

  ShiftRow current(Currency currency) throws SQLException {
    try (ResultSet rs = db.statement("SELECT id, opened_by, opened_at, opening_float, closed_by, closed_at, z_no"
        + " FROM shifts WHERE closed_at IS NULL").executeQuery()) {
      return rs.next() ? row(rs, currency) : null;
    }
  }

  ShiftRow find(UUID id, Currency currency) throws SQLException {
    PreparedStatement st = db.statement(
        "SELECT id, opened_by, opened_at, opening_float, closed_by, closed_at, z_no FROM shifts WHERE id = ?");
    st.setString(1, id.toString());
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? row(rs, currency) : null;
    }
  }

  private static ShiftRow row(ResultSet rs, Currency currency) throws SQLException {
    return new ShiftRow(UUID.fromString(rs.getString(1)), rs.getString(2), Columns.instant(rs.getString(3)),
        Money.ofMinor(rs.getLong(4), currency), rs.getString(5), Columns.instant(rs.getString(6)), rs.getLong(7));
  }

  void insertMovement(CashMovement m) throws SQLException {
    PreparedStatement st = db.statement(
        "INSERT INTO cash_movements (id, shift_id, cashier_id, amount, reason, at) VALUES (?,?,?,?,?,?)");
    st.setString(1, m.id().toString());
    st.setString(2, m.shiftId().toString());
    st.setString(3, m.cashierId());
    st.setLong(4, m.amount().minor());
    st.setString(5, m.reason());
    st.setString(6, Columns.text(m.at()));
    st.executeUpdate();
  }

  /** The shift's counters; voided sales count as voids only, their money not at all. */
  ShiftTotals totals(ShiftRow shift, Currency currency) throws SQLException {
    String id = shift.id().toString();
    long[] sales = longs("SELECT count(*), coalesce(sum(total), 0) FROM sales s WHERE shift_id = ?"
        + " AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)", id, 2);
    long[] returns = longs("SELECT count(*), coalesce(sum(total), 0) FROM returns WHERE shift_id = ?", id, 2);
    long voids = longs("SELECT count(*) FROM voids WHERE shift_id = ?", id, 1)[0];
    String byMethod = "SELECT coalesce(sum(CASE WHEN p.method = 'CASH' THEN p.amount END), 0),"
        + " coalesce(sum(CASE WHEN p.method = 'CARD' THEN p.amount END), 0),"
        + " coalesce(sum(CASE WHEN p.method = 'POINTS' THEN p.amount END), 0),"
        + " coalesce(sum(CASE WHEN p.method = 'GIFT_CERTIFICATE' THEN p.amount END), 0)"
        + " FROM sale_payments p JOIN sales s ON s.id = p.sale_id WHERE s.shift_id = ?"
        + " AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)";
    long[] paid = longs(byMethod, id, 4);
    long cashRefunds = longs("SELECT coalesce(sum(f.amount), 0) FROM return_refunds f JOIN returns r ON r.id = f.return_id"
        + " WHERE r.shift_id = ? AND f.method = 'CASH'", id, 1)[0];
    long[] movements = longs("SELECT coalesce(sum(CASE WHEN amount > 0 THEN amount END), 0),"
        + " coalesce(sum(CASE WHEN amount < 0 THEN -amount END), 0) FROM cash_movements WHERE shift_id = ?", id, 2);
    long expected = Math.addExact(Math.subtractExact(Math.addExact(shift.openingFloat().minor(), movements[0]),
        movements[1]), Math.subtractExact(paid[0], cashRefunds));
    return new ShiftTotals(sales[0], m(sales[1], currency), returns[0], m(returns[1], currency), voids,
        m(paid[0], currency), m(paid[1], currency), m(paid[2], currency), m(paid[3], currency),
        m(movements[0], currency), m(movements[1], currency), m(expected, currency));
  }

  /** Sales less returns per VAT rate as copied onto the lines; returns of other tills' sales are not split by rate. */
  List<VatGross> vatGross(ShiftRow shift) throws SQLException {
    PreparedStatement st = db.statement("SELECT vat_code, vat_bp, sum(gross) FROM ("
        + " SELECT l.vat_code, l.vat_bp, l.amount - l.discount AS gross FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
        + " WHERE s.shift_id = ? AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.sale_id = s.id)"
        + " UNION ALL"
        + " SELECT l.vat_code, l.vat_bp, -r.refund FROM return_lines r JOIN returns rt ON rt.id = r.return_id"
        + " JOIN sale_lines l ON l.sale_id = rt.original_sale_id AND l.line_no = r.original_line_no WHERE rt.shift_id = ?"
        + ") GROUP BY vat_code, vat_bp ORDER BY vat_code, vat_bp");
    st.setString(1, shift.id().toString());
    st.setString(2, shift.id().toString());
    List<VatGross> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        rows.add(new VatGross(rs.getString(1), rs.getInt(2), rs.getLong(3)));
      }
    }
    return rows;
  }

  private long[] longs(String sql, String parameter, int columns) throws SQLException {
    PreparedStatement st = db.statement(sql);
    st.setString(1, parameter);
    long[] values = new long[columns];
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      for (int i = 0; i < columns; i++) {
        values[i] = rs.getLong(i + 1);
      }
    }
    return values;
  }

  private static Money m(long minor, Currency currency) {
    return Money.ofMinor(minor, currency);
  }
}
