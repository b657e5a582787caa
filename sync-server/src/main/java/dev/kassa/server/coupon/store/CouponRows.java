package dev.kassa.server.coupon.store;

import dev.kassa.model.loyalty.certificate.GiftCertificate;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.money.Money;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reading and writing the rows of coupons and certificates, and their entities in the coupons feed,
 * shared by the office's calls ({@link CouponStore}) and the push ({@link CouponMerge}).
 */
final class CouponRows {
  static final String COUPON = "coupon";
  static final String CERTIFICATE = "certificate";

  private static final String COUPON_COLUMNS = "code, definition_id, card_number, issued_at, expires_at, used_in_sale";
  private static final String CERTIFICATE_COLUMNS =
      "code, currency, initial_minor, balance_minor, sold_at, expires_at, blocked, partial_use";
  private static final int CHUNK = 500;

  /** A certificate as stored, with the policy it was sold under. */
  record Certificate(GiftCertificate state, boolean partialUse) {
    Certificate withState(GiftCertificate next) {
      return new Certificate(next, partialUse);
    }
  }

  private CouponRows() {}

  /** The coupon's state as the till reads it: the shared {@link IssuedCoupon} record. */
  static ChangeLog.Entry entry(IssuedCoupon coupon) {
    return new ChangeLog.Entry(Stream.COUPONS, null, COUPON, coupon.code(), SyncCodec.toTree(coupon));
  }

  /** The certificate's state as the till reads it: the shared {@link GiftCertificate} record. */
  static ChangeLog.Entry entry(GiftCertificate certificate) {
    return new ChangeLog.Entry(Stream.COUPONS, null, CERTIFICATE, certificate.code(), SyncCodec.toTree(certificate));
  }

  /**
   * The coupons of {@code codes} that exist, by code. With {@code lock}, the rows stay locked until the
   * transaction ends (a no-op UPDATE ... RETURNING: row locks the same way on both engines), taken in
   * code order so that two pushes lock alike.
   */
  static Map<String, IssuedCoupon> coupons(Connection c, Collection<String> codes, boolean lock) throws SQLException {
    Map<String, IssuedCoupon> found = new TreeMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(new TreeSet<>(codes)), CHUNK)) {
      String sql = lock
          ? "UPDATE issued_coupons SET used_at = used_at WHERE " + Sql.any(postgres, "code", chunk.size())
              + " RETURNING " + COUPON_COLUMNS
          : "SELECT " + COUPON_COLUMNS + " FROM issued_coupons WHERE " + Sql.any(postgres, "code", chunk.size());
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            IssuedCoupon coupon = coupon(rs);
            found.put(coupon.code(), coupon);
          }
        }
      }
    }
    return found;
  }

  /** The certificates of {@code codes} that exist, by code; {@code lock} as for {@link #coupons}. */
  static Map<String, Certificate> certificates(Connection c, Collection<String> codes, boolean lock)
      throws SQLException {
    Map<String, Certificate> found = new TreeMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(new TreeSet<>(codes)), CHUNK)) {
      String sql = lock
          ? "UPDATE gift_certificates SET blocked = blocked WHERE " + Sql.any(postgres, "code", chunk.size())
              + " RETURNING " + CERTIFICATE_COLUMNS
          : "SELECT " + CERTIFICATE_COLUMNS + " FROM gift_certificates WHERE "
              + Sql.any(postgres, "code", chunk.size());
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Certificate certificate = certificate(rs);
            found.put(certificate.state().code(), certificate);
          }
        }
      }
    }
    return found;
  }

  /** Writes the coupons' use (who used them, when; null when given back). */
  static void updateUse(Connection c, Collection<IssuedCoupon> coupons, long nowMillis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE issued_coupons SET used_in_sale = ?, used_at = ? WHERE code = ?")) {
      for (IssuedCoupon coupon : coupons) {
        ps.setString(1, coupon.usedInSale() == null ? null : coupon.usedInSale().toString());
        if (coupon.used()) {
          ps.setLong(2, nowMillis);
        } else {
          ps.setNull(2, Types.BIGINT);
        }
        ps.setString(3, coupon.code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Writes the certificates' balances and blocks. */
  static void updateCertificates(Connection c, Collection<GiftCertificate> certificates) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE gift_certificates SET balance_minor = ?, blocked = ? WHERE code = ?")) {
      for (GiftCertificate certificate : certificates) {
        ps.setLong(1, certificate.balance().minor());
        ps.setBoolean(2, certificate.blocked());
        ps.setString(3, certificate.code());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static IssuedCoupon coupon(ResultSet rs) throws SQLException {
    String usedIn = rs.getString(6);
    return new IssuedCoupon(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
        instant(rs, 5), usedIn == null ? null : UUID.fromString(usedIn));
  }

  private static Certificate certificate(ResultSet rs) throws SQLException {
    String currency = rs.getString(2);
    GiftCertificate state = new GiftCertificate(rs.getString(1), Money.ofMinor(rs.getLong(3), currency),
        Money.ofMinor(rs.getLong(4), currency), Instant.ofEpochMilli(rs.getLong(5)), instant(rs, 6),
        rs.getBoolean(7));
    return new Certificate(state, rs.getBoolean(8));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
