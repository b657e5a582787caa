package dev.kassa.server.feed.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.SqlRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records that an entity changed, in the same transaction as the change itself, so that the pull
 * feeds can never miss a committed change nor show an uncommitted one. {@code storeId} null means
 * the change concerns every store (catalog, programs, cards); {@code data} null is a tombstone.
 * Each change replaces the entity's latest change ({@code feed_latest}), which pulls and snapshots
 * read; no log of the states before is kept (V41).
 *
 * <p>Each change gets the next number of the single-row {@code change_seq} table. The UPDATE
 * keeps that row locked until the transaction commits or rolls back, so a second transaction
 * writing changes waits for the first to finish before it can take a number: numbers become
 * visible in the order they were taken, and a reader that has seen seq n has seen every change
 * below n. (The alternative, PostgreSQL's xid8 with pg_snapshot_xmin, lets writers run in parallel
 * but needs a second code path for SQLite; one row lock serves both engines, and a writer holds
 * it only from its first change to its commit, so callers append their changes last.)
 */
public final class ChangeLog {
  /** One change to append; {@code data} null is a tombstone. */
  public record Entry(Stream stream, String storeId, String kind, String key, JsonNode data) {
    public Entry {
      java.util.Objects.requireNonNull(stream, "stream == null");
      java.util.Objects.requireNonNull(kind, "kind == null");
      java.util.Objects.requireNonNull(key, "key == null");
    }
  }

  private static final int ROWS = 1000;

  private ChangeLog() {}

  /**
   * Takes the feed's counter now rather than at the first append: until this transaction ends, no
   * other can append, so what it reads before appending is not overtaken by a later append of an
   * older state (the card publisher's entities).
   */
  public static void lock(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("UPDATE change_seq SET n = n WHERE id = 1")) {
      ps.executeUpdate();
    }
  }

  /**
   * Appends {@code entries} with consecutive numbers taken in one step (one lock; per 1000, one upsert
   * of the entities' latest changes).
   */
  public static void appendAll(Connection connection, List<Entry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    long last;
    try (PreparedStatement ps = connection.prepareStatement(
        "UPDATE change_seq SET n = n + ? WHERE id = 1 RETURNING n")) {
      ps.setLong(1, entries.size());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        last = rs.getLong(1);
      }
    }
    long seq = last - entries.size();
    long now = System.currentTimeMillis();
    boolean postgres = Sql.isPostgres(connection);
    for (int from = 0; from < entries.size(); from += ROWS) {
      List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS));
      // each entity's last change in the chunk (one upsert may not touch a row twice)
      Map<List<String>, Object[]> latest = new LinkedHashMap<>();
      for (Entry e : chunk) {
        String data = e.data() == null ? null : SyncCodec.toJson(e.data());
        String storeKey = e.storeId() == null ? "" : e.storeId();
        latest.put(List.of(e.stream().id(), e.kind(), e.key(), storeKey),
            new Object[] {e.stream().id(), e.kind(), e.key(), storeKey, ++seq, data, now});
      }
      SqlRows latestRows = new SqlRows(postgres, "text, text, text, text, int8, text, int8");
      latest.values().forEach(latestRows::add);
      try (PreparedStatement ps = connection.prepareStatement("INSERT INTO feed_latest (stream, kind, entity_key,"
          + " store_key, seq, data, changed_at) " + latestRows.sql() + " ON CONFLICT (stream, kind, entity_key,"
          + " store_key) DO UPDATE SET seq = excluded.seq, data = excluded.data, changed_at = excluded.changed_at")) {
        latestRows.bind(ps, 1);
        ps.executeUpdate();
      }
    }
  }

  public static void append(Connection connection, Stream stream, String storeId, String kind, String key,
      JsonNode data) throws SQLException {
    appendAll(connection, List.of(new Entry(stream, storeId, kind, key, data)));
  }
}
