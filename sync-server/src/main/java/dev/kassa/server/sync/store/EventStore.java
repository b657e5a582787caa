package dev.kassa.server.sync.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The table of every pushed event (but the entry events kept as their ledger rows,
 * {@link dev.kassa.server.sync.EntryEvents}), keyed by the event id, so two servers racing on the same retry
 * both end with one row: the loser fails on the key when it wrote the batch as new and goes again
 * skipping stored rows ({@link Sql.IfStored}), then compares bodies. A body is stored as
 * {@link EventBodies} packs it and read back as the JSON it was.
 */
public final class EventStore {

  /** An event ready to store: {@code body} is its JSON as the terminal sent it. */
  public record Row(UUID id, String storeId, String terminalId, String kind, long hlc, long terminalTimeMillis,
      byte[] body) {
    public Row {
      requireNonNull(id, "id == null");
      requireNonNull(body, "body == null");
    }
  }

  /**
   * Inserts the rows and returns the ids inserted now; a row whose id is stored already is skipped or
   * fails the statement, as {@code ifStored} says. Callers pass rows sorted by id, so concurrent
   * servers lock index entries in the same order (no deadlock).
   */
  public Set<UUID> insert(Connection c, List<Row> rows, long receivedAtMillis, Sql.IfStored ifStored)
      throws SQLException {
    Set<UUID> inserted = new HashSet<>();
    for (String id : Sql.insert(c, ifStored, "sync_events", "id, store_id, terminal_id, kind, hlc, terminal_time,"
        + " received_at, body", "text, text, text, text, int8, int8, int8, bytea", rows,
        r -> List.of(r.id(), r.storeId(), r.terminalId(), r.kind(), r.hlc(), r.terminalTimeMillis(), receivedAtMillis,
            EventBodies.pack(r.body())))) {
      inserted.add(UUID.fromString(id));
    }
    return inserted;
  }

  /**
   * Whether any of {@code ids} is stored: as an event, or as the ledger entry an entry event is kept
   * as ({@link dev.kassa.server.sync.EntryEvents}).
   */
  public boolean anyStored(Connection c, List<UUID> ids) throws SQLException {
    boolean postgres = Sql.isPostgres(c);
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sync_events WHERE " + Sql.any(postgres, "id",
        ids.size()) + " UNION ALL SELECT 1 FROM ledger_entries WHERE " + Sql.any(postgres, "id", ids.size())
        + " LIMIT 1")) {
      Sql.bindAny(ps, Sql.bindAny(ps, 1, postgres, ids), postgres, ids);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The stored bodies of those {@code ids} that are stored. */
  public Map<UUID, byte[]> bodies(Connection c, List<UUID> ids) throws SQLException {
    Map<UUID, byte[]> bodies = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<UUID> chunk : Sql.chunks(ids, 500)) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, body FROM sync_events WHERE " + Sql.any(postgres, "id", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            bodies.put(UUID.fromString(rs.getString(1)), EventBodies.unpack(rs.getBytes(2)));
          }
        }
      }
    }
    return bodies;
  }
}
