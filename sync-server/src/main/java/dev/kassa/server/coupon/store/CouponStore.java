package dev.kassa.server.coupon.store;

import dev.kassa.model.loyalty.certificate.GiftCertificate;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The office's side of coupons and certificates: issuing single-use codes in batches, selling and
 * blocking certificates. Each write publishes the entities it changed to the coupons feed in the
 * same transaction, last (see {@link ChangeLog}).
 */
public final class CouponStore {
  /** A batch as stored: its definition, the program version it was issued under, and its codes. */
  public record Batch(String batchId, String definitionId, int programVersion, List<String> codes) {
    public Batch {
      codes = List.copyOf(codes);
    }
  }

  /** What issuing a batch came to. */
  public sealed interface Issued {
    /** Issued now. */
    record New(Batch batch) implements Issued {}

    /** A batch of this id was issued before, for the same definition and count: the same answer again. */
    record Again(Batch batch) implements Issued {}

    /** A batch of this id was issued before for another definition or count. */
    record IdTaken(String batchId) implements Issued {}

    /** These codes were issued before (in another batch). */
    record CodesTaken(List<String> codes) implements Issued {}
  }

  /** A coupon with the sales that used it after the first one did (two tills took it offline). */
  public record CouponState(IssuedCoupon coupon, List<String> reusedBy) {}

  private final Database db;

  public CouponStore(Database db) {
    this.db = db;
  }

  /** Issues {@code coupons} (their codes upper case) as batch {@code batchId} of {@code definitionId}. */
  public Issued issueBatch(String batchId, String definitionId, int programVersion, List<IssuedCoupon> coupons,
      String issuedBy, long nowMillis) {
    return db.inTransaction(c -> {
      Optional<Batch> earlier = batch(c, batchId);
      if (earlier.isPresent()) {
        Batch batch = earlier.get();
        return batch.definitionId().equals(definitionId) && batch.codes().size() == coupons.size()
            ? new Issued.Again(batch) : new Issued.IdTaken(batchId);
      }
      List<String> codes = coupons.stream().map(IssuedCoupon::code).toList();
      Map<String, IssuedCoupon> taken = CouponRows.coupons(c, codes, false);
      if (!taken.isEmpty()) {
        return new Issued.CodesTaken(List.copyOf(taken.keySet()));
      }
      insert(c, batchId, definitionId, programVersion, coupons, issuedBy, nowMillis);
      ChangeLog.appendAll(c, coupons.stream().map(CouponRows::entry).toList());
      return new Issued.New(new Batch(batchId, definitionId, programVersion, codes));
    });
  }

  private static void insert(Connection c, String batchId, String definitionId, int programVersion,
      List<IssuedCoupon> coupons, String issuedBy, long nowMillis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupon_batches (id, definition_id, program_version,"
        + " coupon_count, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, batchId);
      ps.setString(2, definitionId);
      ps.setInt(3, programVersion);
      ps.setInt(4, coupons.size());
      ps.setLong(5, nowMillis);
      ps.setString(6, issuedBy);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO issued_coupons (code, definition_id, batch_id,"
        + " card_number, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (IssuedCoupon coupon : coupons) {
        ps.setString(1, coupon.code());
        ps.setString(2, coupon.definitionId());
        ps.setString(3, batchId);
        ps.setString(4, coupon.cardNumber());
        ps.setLong(5, coupon.issuedAt().toEpochMilli());
        if (coupon.expiresAt() == null) {
          ps.setNull(6, Types.BIGINT);
        } else {
          ps.setLong(6, coupon.expiresAt().toEpochMilli());
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Optional<Batch> batch(Connection c, String batchId) throws SQLException {
    String definitionId;
    int programVersion;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT definition_id, program_version FROM coupon_batches WHERE id = ?")) {
      ps.setString(1, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        definitionId = rs.getString(1);
        programVersion = rs.getInt(2);
      }
    }
    List<String> codes = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT code FROM issued_coupons WHERE batch_id = ? ORDER BY code")) {
      ps.setString(1, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          codes.add(rs.getString(1));
        }
      }
    }
    return Optional.of(new Batch(batchId, definitionId, programVersion, codes));
  }

  /** The coupon of {@code code} (upper case) and the other sales that used it too, by sale id. */
  public Optional<CouponState> coupon(String code) {
    return db.read(c -> {
      IssuedCoupon coupon = CouponRows.coupons(c, List.of(code), false).get(code);
      if (coupon == null) {
        return Optional.empty();
      }
      List<String> reusedBy = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT sale_id FROM coupon_reuses WHERE code = ? ORDER BY sale_id")) {
        ps.setString(1, code);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reusedBy.add(rs.getString(1));
          }
        }
      }
      return Optional.of(new CouponState(coupon, reusedBy));
    });
  }

  /**
   * Sells {@code certificate} unless its code was sold before; answers the certificate stored under
   * the code either way (the caller compares: the same sale again, or another with the same code).
   */
  public GiftCertificate sell(GiftCertificate certificate, boolean partialUse, String soldBy) {
    return db.inTransaction(c -> {
      CouponRows.Certificate earlier = CouponRows.certificates(c, List.of(certificate.code()), false)
          .get(certificate.code());
      if (earlier != null) {
        return earlier.state();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO gift_certificates (code, currency, initial_minor,"
          + " balance_minor, partial_use, sold_at, expires_at, blocked, sold_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, certificate.code());
        ps.setString(2, certificate.initial().currency().getCurrencyCode());
        ps.setLong(3, certificate.initial().minor());
        ps.setLong(4, certificate.balance().minor());
        ps.setBoolean(5, partialUse);
        ps.setLong(6, certificate.soldAt().toEpochMilli());
        if (certificate.expiresAt() == null) {
          ps.setNull(7, Types.BIGINT);
        } else {
          ps.setLong(7, certificate.expiresAt().toEpochMilli());
        }
        ps.setBoolean(8, certificate.blocked());
        ps.setString(9, soldBy);
        ps.executeUpdate();
      }
      ChangeLog.appendAll(c, List.of(CouponRows.entry(certificate)));
      return certificate;
    });
  }

  /**
   * Blocks the certificate (reported lost): tills stop taking it once they pull. Blocking a blocked
   * certificate changes nothing and publishes nothing. Empty when there is no such certificate.
   */
  public Optional<GiftCertificate> block(String code) {
    return db.inTransaction(c -> {
      CouponRows.Certificate found = CouponRows.certificates(c, List.of(code), true).get(code);
      if (found == null) {
        return Optional.empty();
      }
      GiftCertificate was = found.state();
      if (was.blocked()) {
        return Optional.of(was);
      }
      GiftCertificate blocked = new GiftCertificate(was.code(), was.initial(), was.balance(), was.soldAt(),
          was.expiresAt(), true);
      CouponRows.updateCertificates(c, List.of(blocked));
      ChangeLog.appendAll(c, List.of(CouponRows.entry(blocked)));
      return Optional.of(blocked);
    });
  }

  public Optional<GiftCertificate> certificate(String code) {
    return db.read(c -> Optional.ofNullable(CouponRows.certificates(c, List.of(code), false).get(code))
        .map(CouponRows.Certificate::state));
  }
}
