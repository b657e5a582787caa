package dev.kassa.server.loyalty.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.loyalty.Conflict.Involved;
import dev.kassa.server.sync.store.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Overdraft conflicts and the stores each one concerns. */
public final class ConflictStore {
  private static final String COLUMNS = "id, card_number, trigger_entry, deficit, involved, status, detected_at,"
      + " resolved_at, resolved_by, resolution";

  /**
   * Inserts or updates a conflict (by id) and the stores it concerns: those of its involved
   * redemptions now, so a store whose redemption later entries took out of it no longer sees it.
   */
  public void upsert(Connection c, Conflict conflict) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO loyalty_conflicts (" + COLUMNS + ") VALUES "
        + Sql.valueRows(1, 10) + " ON CONFLICT (id) DO UPDATE SET deficit = excluded.deficit,"
        + " involved = excluded.involved, status = excluded.status, resolved_at = excluded.resolved_at,"
        + " resolved_by = excluded.resolved_by, resolution = excluded.resolution")) {
      Sql.bind(ps, java.util.Arrays.asList(conflict.id(), conflict.cardNumber(), conflict.triggerEntry(),
          conflict.deficit(), SyncCodec.toJson(conflict.involved()), conflict.status().name(),
          conflict.detectedAt().toEpochMilli(), millis(conflict.resolvedAt()), conflict.resolvedBy(),
          conflict.resolution()));
      ps.executeUpdate();
    }
    java.util.Set<String> stores = new java.util.TreeSet<>(conflict.involved().stream().map(Involved::storeId).toList());
    if (!stores.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM conflict_stores WHERE conflict_id = ?"
          + " AND store_id NOT IN (" + Sql.marks(stores.size()) + ")")) {
        List<Object> params = new ArrayList<>();
        params.add(conflict.id());
        params.addAll(stores);
        Sql.bind(ps, params);
        ps.executeUpdate();
      }
    }
    for (String store : stores) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO conflict_stores (conflict_id, store_id)"
          + " VALUES (?, ?) ON CONFLICT (conflict_id, store_id) DO NOTHING")) {
        Sql.bind(ps, List.of(conflict.id(), store));
        ps.executeUpdate();
      }
    }
  }

  public List<Conflict> forCards(Connection c, List<String> cards) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM loyalty_conflicts WHERE card_number IN (" + Sql.marks(cards.size())
        + ") ORDER BY id", new ArrayList<>(cards));
  }

  public Optional<Conflict> byId(Connection c, UUID id) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM loyalty_conflicts WHERE id = ?", List.of(id)).stream().findFirst();
  }

  /** All conflicts, or those of one store when {@code storeId} is set; OPEN and RESOLVED only. */
  public List<Conflict> list(Connection c, String storeId) throws SQLException {
    if (storeId == null) {
      return query(c, "SELECT " + COLUMNS + " FROM loyalty_conflicts WHERE status <> 'RETRACTED'"
          + " ORDER BY card_number, id", List.of());
    }
    return query(c, "SELECT " + COLUMNS + " FROM loyalty_conflicts WHERE status <> 'RETRACTED' AND id IN"
        + " (SELECT conflict_id FROM conflict_stores WHERE store_id = ?) ORDER BY card_number, id", List.of(storeId));
  }

  /** The stores a conflict concerns. */
  public List<String> stores(Connection c, UUID conflictId) throws SQLException {
    List<String> stores = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT store_id FROM conflict_stores WHERE conflict_id = ? ORDER BY store_id")) {
      ps.setString(1, conflictId.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stores.add(rs.getString(1));
        }
      }
    }
    return stores;
  }

  private List<Conflict> query(Connection c, String sql, List<?> params) throws SQLException {
    List<Conflict> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long resolvedAt = rs.getLong(8);
          Instant resolved = rs.wasNull() ? null : Instant.ofEpochMilli(resolvedAt);
          found.add(new Conflict(UUID.fromString(rs.getString(1)), rs.getString(2), UUID.fromString(rs.getString(3)),
              rs.getLong(4), involved(rs.getString(5)), Conflict.Status.valueOf(rs.getString(6)),
              Instant.ofEpochMilli(rs.getLong(7)), resolved, rs.getString(9), rs.getString(10)));
        }
      }
    }
    return found;
  }

  private static List<Involved> involved(String json) {
    try {
      return SyncCodec.mapper().readValue(json, new TypeReference<List<Involved>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
