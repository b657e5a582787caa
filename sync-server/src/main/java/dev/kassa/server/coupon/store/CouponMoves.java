package dev.kassa.server.coupon.store;

import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** The history rows of coupons and certificates: reused codes and certificate movements. */
final class CouponMoves {
  /**
   * A code {@code saleId} used too, while {@code firstSale} holds it (see {@link MergeBatch}: the
   * earliest live sale holds a code), recorded at {@code recordedAt}.
   */
  record Reuse(String code, String saleId, String firstSale, String storeId, String terminalId, long recordedAt) {}

  /** One movement of a certificate's balance by one payment of a document (see V39). */
  record Move(UUID documentId, int paymentNo, String code, UUID saleId, String kind, long amountMinor,
      long askedMinor, String flag, String storeId, String terminalId, long atMillis) {}

  /** A stored movement of a voided sale's certificate: its code, the sale, and the amount. */
  record Moved(String code, UUID saleId, long amountMinor) {}

  /**
   * What a batch's voids and returns need of earlier pushes: the coupons the voided sales hold (code
   * to sale) and those they reused, the certificate movements of the voided sales, and which returns
   * were recorded already.
   */
  record Earlier(Map<String, UUID> couponsUsed, Set<String> couponsReused, List<Moved> certificateMoves,
      Set<UUID> documentsRecorded) {}

  private CouponMoves() {}

  /** Reads {@link Earlier}: one statement for voids, one for returns, none without either. */
  static Earlier earlier(Connection c, List<UUID> voidedSales, List<UUID> returns) throws SQLException {
    Map<String, UUID> couponsUsed = new TreeMap<>();
    Set<String> couponsReused = new TreeSet<>();
    List<Moved> moves = new ArrayList<>();
    Set<UUID> recorded = new HashSet<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<UUID> chunk : Sql.chunks(voidedSales, 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 'coupon', code, used_in_sale, 0 FROM issued_coupons WHERE "
          + Sql.any(postgres, "used_in_sale", chunk.size()) + " UNION ALL SELECT 'reuse', code, sale_id, 0 FROM"
          + " coupon_reuses WHERE " + Sql.any(postgres, "sale_id", chunk.size()) + " UNION ALL SELECT 'certificate',"
          + " code, sale_id, amount_minor FROM certificate_movements WHERE " + Sql.any(postgres, "sale_id", chunk.size()))) {
        int next = Sql.bindAny(ps, 1, postgres, chunk);
        next = Sql.bindAny(ps, next, postgres, chunk);
        Sql.bindAny(ps, next, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            UUID sale = UUID.fromString(rs.getString(3));
            switch (rs.getString(1)) {
              case "coupon" -> couponsUsed.put(rs.getString(2), sale);
              case "reuse" -> couponsReused.add(rs.getString(2));
              default -> moves.add(new Moved(rs.getString(2), sale, rs.getLong(4)));
            }
          }
        }
      }
    }
    for (List<UUID> chunk : Sql.chunks(returns, 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT document_id FROM certificate_movements WHERE "
          + Sql.any(postgres, "document_id", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            recorded.add(UUID.fromString(rs.getString(1)));
          }
        }
      }
    }
    return new Earlier(couponsUsed, couponsReused, moves, recorded);
  }

  /** The stored reuses of {@code codes}, by code, in sale id order. */
  static Map<String, List<Reuse>> reuses(Connection c, Collection<String> codes) throws SQLException {
    Map<String, List<Reuse>> found = new TreeMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(codes), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT code, sale_id, first_sale, store_id, terminal_id,"
          + " recorded_at FROM coupon_reuses WHERE " + Sql.any(postgres, "code", chunk.size()) + " ORDER BY code, sale_id")) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Reuse(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
          }
        }
      }
    }
    return found;
  }

  /** Where stored sales were made: sale id to {store, terminal}. */
  static Map<String, String[]> places(Connection c, Collection<String> saleIds) throws SQLException {
    Map<String, String[]> found = new TreeMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(saleIds), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, store_id, terminal_id FROM sales WHERE "
          + Sql.any(postgres, "id", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
          }
        }
      }
    }
    return found;
  }

  /** Replaces the reuse rows of {@code codes} with {@code reuses}. */
  static void replaceReuses(Connection c, Collection<String> codes, List<Reuse> reuses) throws SQLException {
    if (codes.isEmpty()) {
      return;
    }
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(codes), 500)) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM coupon_reuses WHERE "
          + Sql.any(postgres, "code", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        ps.executeUpdate();
      }
    }
    if (reuses.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO coupon_reuses (code, sale_id, first_sale, store_id,"
        + " terminal_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Reuse reuse : reuses) {
        ps.setString(1, reuse.code());
        ps.setString(2, reuse.saleId());
        ps.setString(3, reuse.firstSale());
        ps.setString(4, reuse.storeId());
        ps.setString(5, reuse.terminalId());
        ps.setLong(6, reuse.recordedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void insertMoves(Connection c, List<Move> moves) throws SQLException {
    if (moves.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificate_movements (document_id, payment_no, code,"
        + " sale_id, kind, amount_minor, asked_minor, flag, store_id, terminal_id, at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, payment_no) DO NOTHING")) {
      for (Move m : moves) {
        ps.setString(1, m.documentId().toString());
        ps.setInt(2, m.paymentNo());
        ps.setString(3, m.code());
        ps.setString(4, m.saleId().toString());
        ps.setString(5, m.kind());
        ps.setLong(6, m.amountMinor());
        ps.setLong(7, m.askedMinor());
        ps.setString(8, m.flag());
        ps.setString(9, m.storeId());
        ps.setString(10, m.terminalId());
        ps.setLong(11, m.atMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
