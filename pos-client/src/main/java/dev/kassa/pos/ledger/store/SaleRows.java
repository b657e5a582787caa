package dev.kassa.pos.ledger.store;

import static dev.kassa.pos.ledger.store.Columns.setNullable;
import static dev.kassa.pos.ledger.store.Columns.text;

import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sync.SyncCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sales as rows: the header, one row per line and payment, the loyalty summary. The rows are the
 * truth the journal is verified against, so a sale is rebuilt from them column by column rather
 * than from a stored copy of its JSON.
 */
final class SaleRows {
  private static final String SALE_COLUMNS =
      "id, receipt_no, shift_id, store_id, terminal_id, cashier_id, created_at, currency, total, line_count, payment_count";
  private static final String LINE_COLUMNS = "sale_id, line_no, sku, barcode, name, category_id, qty_value, qty_unit,"
      + " unit_price, amount, discount, vat_code, vat_bp, points, flags";
  private static final String LOYALTY_COLUMNS = "sale_id, card_number, program_version, tier, points_earned,"
      + " points_redeemed, redeemed_value, reservation_id, offline, coupons";

  private final LedgerDatabase db;

  SaleRows(LedgerDatabase db) {
    this.db = db;
  }

  void insert(Sale sale) throws SQLException {
    String id = sale.id().toString();
    PreparedStatement st = db.statement("INSERT INTO sales (" + SALE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    st.setString(1, id);
    st.setLong(2, sale.receiptNo());
    st.setString(3, sale.shiftId().toString());
    st.setString(4, sale.storeId());
    st.setString(5, sale.terminalId());
    st.setString(6, sale.cashierId());
    st.setString(7, text(sale.createdAt()));
    st.setString(8, sale.total().currency().getCurrencyCode());
    st.setLong(9, sale.total().minor());
    st.setInt(10, sale.lines().size());
    st.setInt(11, sale.payments().size());
    st.executeUpdate();
    PreparedStatement line = db.statement("INSERT INTO sale_lines (" + LINE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (SaleLine l : sale.lines()) {
      line.setString(1, id);
      line.setInt(2, l.lineNo());
      line.setString(3, l.sku());
      setNullable(line, 4, l.barcode());
      line.setString(5, l.name());
      line.setString(6, l.categoryId());
      line.setLong(7, l.quantity().value());
      line.setString(8, l.quantity().unit().name());
      line.setLong(9, l.unitPrice().minor());
      line.setLong(10, l.amount().minor());
      line.setLong(11, l.discount().minor());
      line.setString(12, l.vatCode());
      line.setInt(13, l.vatBasisPoints());
      line.setLong(14, l.points());
      line.setString(15, Columns.flags(l.flags()));
      line.executeUpdate();
    }
    Columns.insertPayments(db.statement(
        "INSERT INTO sale_payments (sale_id, seq, method, amount, tendered, reference) VALUES (?,?,?,?,?,?)"),
        id, sale.payments());
    if (sale.loyalty() != null) {
      insertLoyalty(id, sale.loyalty());
    }
  }

  private void insertLoyalty(String saleId, SaleLoyalty loyalty) throws SQLException {
    PreparedStatement st = db.statement("INSERT INTO sale_loyalty (" + LOYALTY_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)");
    st.setString(1, saleId);
    st.setString(2, loyalty.cardNumber());
    st.setInt(3, loyalty.programVersion());
    setNullable(st, 4, loyalty.tier());
    st.setLong(5, loyalty.pointsEarned());
    st.setLong(6, loyalty.pointsRedeemed());
    st.setLong(7, loyalty.redeemedValue().minor());
    setNullable(st, 8, loyalty.reservationId());
    st.setInt(9, loyalty.offline() ? 1 : 0);
    st.setString(10, SyncCodec.toJson(loyalty.coupons()));
    st.executeUpdate();
  }

  /**
   * This till's sales on a card that its feed row does not count yet: their total, and when one of
   * them was made (null: none), which is all a first-purchase rule needs to know.
   */
  record Unconfirmed(long spendMinor, Instant anyAt) {}

  /**
   * This till's sales on the card that the card's feed row (received at {@code cardMark}) does not
   * count yet: not acknowledged, or acknowledged after it. Rejected sales (mark 0) never count.
   */
  Unconfirmed unconfirmed(String cardNumber, long cardMark) throws SQLException {
    PreparedStatement st = db.statement("SELECT COALESCE(SUM(s.total), 0), MIN(s.created_at) FROM sales s"
        + " JOIN sale_loyalty l ON l.sale_id = s.id"
        + " WHERE l.card_number = ? AND (s.synced_mark IS NULL OR s.synced_mark > ?)");
    st.setString(1, cardNumber);
    st.setLong(2, cardMark);
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      String first = rs.getString(2);
      return new Unconfirmed(rs.getLong(1), Columns.instant(first));
    }
  }

  Sale find(UUID id) throws SQLException {
    List<StoredDocument> found = new ArrayList<>();
    readAll(" WHERE id = ?", id.toString(), found::add);
    if (found.isEmpty()) {
      return null;
    }
    StoredDocument doc = found.get(0);
    if (doc.payload() == null) {
      throw new dev.kassa.pos.ledger.LedgerStorageException(
          "sale " + id + " cannot be read back (run kassa pos verify): " + doc.problem(), null);
    }
    return (Sale) doc.payload();
  }

  UUID idOfReceipt(long receiptNo) throws SQLException {
    PreparedStatement st = db.statement("SELECT id FROM sales WHERE receipt_no = ?");
    st.setLong(1, receiptNo);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? UUID.fromString(rs.getString(1)) : null;
    }
  }

  /**
   * Rebuilds sales from their rows, in receipt order ({@code where} filters with one parameter, or
   * is empty). A sale whose rows no longer make a valid sale comes back with the reason instead.
   */
  void readAll(String where, String parameter, Consumer<StoredDocument> sink) throws SQLException {
    Map<String, List<Object[]>> lines = new HashMap<>();
    String lineWhere = where.isEmpty() ? "" : " WHERE sale_id = ?";
    PreparedStatement ls = db.statement("SELECT " + LINE_COLUMNS + " FROM sale_lines" + lineWhere + " ORDER BY sale_id, line_no");
    if (!where.isEmpty()) {
      ls.setString(1, parameter);
    }
    try (ResultSet rs = ls.executeQuery()) {
      while (rs.next()) {
        Object[] row = new Object[15];
        for (int i = 0; i < 15; i++) {
          row[i] = rs.getObject(i + 1);
        }
        lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row);
      }
    }
    Map<String, List<Object[]>> payments = rowsByOwner(
        "SELECT sale_id, method, amount, tendered, reference FROM sale_payments" + lineWhere + " ORDER BY sale_id, seq",
        where.isEmpty() ? null : parameter, 5);
    Map<String, Object[]> loyalty = new HashMap<>();
    rowsByOwner("SELECT " + LOYALTY_COLUMNS + " FROM sale_loyalty" + lineWhere, where.isEmpty() ? null : parameter, 10)
        .forEach((k, v) -> loyalty.put(k, v.get(0)));
    PreparedStatement st = db.statement("SELECT " + SALE_COLUMNS + " FROM sales" + where + " ORDER BY receipt_no");
    if (!where.isEmpty()) {
      st.setString(1, parameter);
    }
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        long receiptNo = rs.getLong(2);
        try {
          sink.accept(StoredDocument.of("sale", UUID.fromString(id), receiptNo,
              rebuild(rs, lines.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of()), loyalty.get(id))));
        } catch (RuntimeException e) {
          sink.accept(StoredDocument.unreadable("sale", UUID.fromString(id), receiptNo, e.getMessage()));
        }
      }
    }
  }

  private Map<String, List<Object[]>> rowsByOwner(String sql, String parameter, int columns) throws SQLException {
    Map<String, List<Object[]>> rows = new HashMap<>();
    PreparedStatement st = db.statement(sql);
    if (parameter != null) {
      st.setString(1, parameter);
    }
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row);
      }
    }
    return rows;
  }

  private static Sale rebuild(ResultSet rs, List<Object[]> lineRows, List<Object[]> paymentRows, Object[] loyaltyRow)
      throws SQLException {
    Currency currency = Currency.getInstance(rs.getString(8));
    if (lineRows.size() != rs.getInt(10)) {
      throw new IllegalStateException(lineRows.size() + " line rows, header says " + rs.getInt(10));
    }
    if (paymentRows.size() != rs.getInt(11)) {
      throw new IllegalStateException(paymentRows.size() + " payment rows, header says " + rs.getInt(11));
    }
    List<SaleLine> lines = new ArrayList<>();
    for (Object[] r : lineRows) {
      lines.add(new SaleLine(num(r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
          Columns.quantity(num(r[6]).longValue(), (String) r[7]), money(r[8], currency), money(r[9], currency),
          money(r[10], currency), (String) r[11], num(r[12]).intValue(), num(r[13]).longValue(),
          Columns.flags((String) r[14])));
    }
    List<Payment> payments = new ArrayList<>();
    for (Object[] r : paymentRows) {
      payments.add(Columns.payment((String) r[1], num(r[2]).longValue(), num(r[3]).longValue(), (String) r[4], currency));
    }
    SaleLoyalty loyalty = null;
    if (loyaltyRow != null) {
      Object[] r = loyaltyRow;
      loyalty = new SaleLoyalty((String) r[1], num(r[2]).intValue(), (String) r[3], num(r[4]).longValue(),
          num(r[5]).longValue(), money(r[6], currency), (String) r[7], num(r[8]).intValue() != 0,
          Arrays.asList(SyncCodec.fromJson((String) r[9], String[].class)));
    }
    return new Sale(UUID.fromString(rs.getString(1)), rs.getString(4), rs.getString(5), UUID.fromString(rs.getString(3)),
        rs.getLong(2), rs.getString(6), Columns.instant(rs.getString(7)), lines, Money.ofMinor(rs.getLong(9), currency),
        payments, loyalty);
  }

  private static Number num(Object value) {
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("not a number: " + value);
    }
    return number;
  }

  private static Money money(Object value, Currency currency) {
    return Money.ofMinor(num(value).longValue(), currency);
  }
}
