package dev.kassa.server.loyalty.store;

import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.Reservation.Status;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Online holds of points. A HELD row past its expiry counts as EXPIRED whether or not it was swept. */
public final class ReservationStore {

  /** A reservation with the store and terminal that made it. */
  public record Row(Reservation reservation, String storeId, String terminalId) {}

  public void insert(Connection c, Reservation r, String storeId, String terminalId, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO reservations (id, card_number, points, sale_id,"
        + " store_id, terminal_id, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Sql.bind(ps, List.of(r.id(), r.cardNumber(), r.points(), r.saleId(), storeId, terminalId, r.status().name(), now,
          r.expiresAt().toEpochMilli()));
      ps.executeUpdate();
    }
  }

  public Optional<Row> byId(Connection c, UUID id, Instant now) throws SQLException {
    List<Row> rows = query(c, "WHERE id = ?", List.of(id), now);
    return rows.stream().findFirst();
  }

  /** Points held on {@code cards} by reservations still HELD and not expired at {@code now}. */
  public long held(Connection c, Collection<String> cards, Instant now) throws SQLException {
    boolean postgres = Sql.isPostgres(c);
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(points), 0) FROM reservations WHERE "
        + Sql.any(postgres, "card_number", cards.size()) + " AND status = 'HELD' AND expires_at > ?")) {
      ps.setLong(Sql.bindAny(ps, 1, postgres, new ArrayList<>(cards)), now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Points held per card by open, unexpired holds, for those of {@code cards} that have any. */
  public Map<String, Long> heldPerCard(Connection c, Collection<String> cards, Instant now) throws SQLException {
    Map<String, Long> held = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, SUM(points) FROM reservations WHERE "
          + Sql.any(postgres, "card_number", chunk.size()) + " AND status = 'HELD' AND expires_at > ?"
          + " GROUP BY card_number")) {
        ps.setLong(Sql.bindAny(ps, 1, postgres, chunk), now.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            held.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
    return held;
  }

  /** Moves a HELD, unexpired reservation to {@code status}; false when it was not HELD any more. */
  public boolean settle(Connection c, UUID id, Status status, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE reservations SET status = ?, settled_at = ?"
        + " WHERE id = ? AND status = 'HELD' AND expires_at > ?")) {
      Sql.bind(ps, List.of(status.name(), now.toEpochMilli(), id, now.toEpochMilli()));
      return ps.executeUpdate() == 1;
    }
  }

  /** Posts the HELD reservations of these sales (their REDEEM entry arrived); returns how many. */
  public int postForSales(Connection c, Collection<UUID> saleIds, Instant now) throws SQLException {
    int posted = 0;
    boolean postgres = Sql.isPostgres(c);
    for (List<UUID> chunk : Sql.chunks(new ArrayList<>(saleIds), 500)) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE reservations SET status = 'POSTED', settled_at = ?"
          + " WHERE status = 'HELD' AND " + Sql.any(postgres, "sale_id", chunk.size()))) {
        ps.setLong(1, now.toEpochMilli());
        Sql.bindAny(ps, 2, postgres, chunk);
        posted += ps.executeUpdate();
      }
    }
    return posted;
  }

  /** Marks HELD reservations past their expiry as EXPIRED; returns how many. */
  public int expire(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE reservations SET status = 'EXPIRED', settled_at = ?"
        + " WHERE status = 'HELD' AND expires_at <= ?")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setLong(2, now.toEpochMilli());
      return ps.executeUpdate();
    }
  }

  private List<Row> query(Connection c, String where, List<?> params, Instant now) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, card_number, points, sale_id, status, expires_at,"
        + " store_id, terminal_id FROM reservations " + where)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Status status = Status.valueOf(rs.getString(5));
          Instant expiresAt = Instant.ofEpochMilli(rs.getLong(6));
          if (status == Status.HELD && !expiresAt.isAfter(now)) {
            status = Status.EXPIRED;
          }
          rows.add(new Row(new Reservation(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getLong(3),
              UUID.fromString(rs.getString(4)), status, expiresAt), rs.getString(7), rs.getString(8)));
        }
      }
    }
    return rows;
  }
}
