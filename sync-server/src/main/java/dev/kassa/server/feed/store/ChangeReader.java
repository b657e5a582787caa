package dev.kassa.server.feed.store;

import dev.kassa.model.sync.Stream;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the feeds ({@code feed_latest}: each entity's latest change): changes after a seq in seq
 * order, or the current state of every live entity in entity order (a snapshot), both for one store
 * (rows for every store plus the store's own).
 */
public final class ChangeReader {

  /**
   * A change with its place in the feed (for snapshot rows, the seq of the entity's last change);
   * {@code data} is the entity's stored JSON text, handed on unparsed, or null for a tombstone.
   */
  public record Row(long seq, String kind, String key, String data) {
    public boolean deleted() {
      return data == null;
    }
  }

  /**
   * Up to {@code limit} changes after {@code afterSeq}, oldest first: each entity's latest change
   * ({@code feed_latest}), so a change that a later one of the same entity supersedes is left out. A
   * change is the entity's whole state, so the reader ends in the same state, reading each entity
   * changed since its cursor once: a terminal back from an outage does not read every state a card
   * went through while other tills pushed, and the server does not walk them. An entity changed again
   * while a terminal pages moves past its cursor and comes in a later page.
   */
  public List<Row> after(Connection c, Stream stream, String storeId, long afterSeq, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, entity_key, data FROM feed_latest"
        + " WHERE stream = ? AND seq > ? AND (store_key = '' OR store_key = ?) ORDER BY seq LIMIT ?")) {
      ps.setString(1, stream.id());
      ps.setLong(2, afterSeq);
      ps.setString(3, storeId);
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return rows;
  }

  /**
   * Up to {@code limit} live entities (their latest change is not a tombstone) after
   * {@code afterKind}/{@code afterKey} in entity order, each as it is now. A snapshot's pages are
   * read one after another while others write: an entity changed meanwhile comes at its newer state,
   * or not at all when it was deleted or its key is behind the page the snapshot has reached. Either
   * way it comes again in the pull that follows the snapshot, which starts from the seq the snapshot
   * began at, so the reader ends with every entity's latest state.
   */
  public List<Row> snapshot(Connection c, Stream stream, String storeId, String afterKind, String afterKey,
      int limit) throws SQLException {
    // PostgreSQL estimates many rows behind the LIMIT and may plan a Gather Merge of parallel
    // workers: at a million cards a page then took 25 ms, mostly starting the workers, against 3 ms
    // for the plain index walk. A page is a thousand rows; it never needs workers. Set for this
    // query only: the connection goes back to the pool.
    boolean serialOnly = Sql.isPostgres(c);
    if (serialOnly) {
      execute(c, "SET max_parallel_workers_per_gather = 0");
    }
    try {
      return snapshotRows(c, stream, storeId, afterKind, afterKey, limit);
    } finally {
      if (serialOnly) {
        execute(c, "RESET max_parallel_workers_per_gather");
      }
    }
  }

  private static List<Row> snapshotRows(Connection c, Stream stream, String storeId, String afterKind,
      String afterKey, int limit) throws SQLException {
    // The row value, unlike "kind > ? OR (kind = ? AND key > ?)", is a range start on the primary key
    // (stream, kind, entity_key, store_key), so a page costs about its own rows. An entity the store
    // sees twice (a change for every store and one for this store) is as its later change left it,
    // as a pull after a cursor, which hands both over in seq order, leaves it. "+l.seq": without it
    // SQLite (which has no statistics here) probes the later change by (stream, seq), walking every
    // change of the stream after this one for each row, so a snapshot of a million cards never
    // finished; with it, by the primary key (EXPLAIN QUERY PLAN).
    String after = afterKind == null ? "" : " AND (f.kind, f.entity_key) > (?, ?)";
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT f.seq, f.kind, f.entity_key, f.data FROM feed_latest f"
        + " WHERE f.stream = ?" + after + " AND (f.store_key = '' OR f.store_key = ?) AND f.data IS NOT NULL"
        + " AND NOT EXISTS (SELECT 1 FROM feed_latest l WHERE l.stream = f.stream AND l.kind = f.kind"
        + " AND l.entity_key = f.entity_key AND (l.store_key = '' OR l.store_key = ?) AND +l.seq > f.seq)"
        + " ORDER BY f.kind, f.entity_key LIMIT ?")) {
      int p = 1;
      ps.setString(p++, stream.id());
      if (afterKind != null) {
        ps.setString(p++, afterKind);
        ps.setString(p++, afterKey);
      }
      ps.setString(p++, storeId);
      ps.setString(p++, storeId);
      ps.setInt(p, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return rows;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The last seq handed out and committed: everything at or below it is visible now. */
  public long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT n FROM change_seq WHERE id = 1");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Changes at or below this seq may have been compacted: older cursors must take a snapshot. */
  public long horizon(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM feed_horizon WHERE id = 1");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Compacts the feeds: deletes the tombstones of entities deleted before {@code beforeMillis} (a
   * snapshot leaves deleted entities out, and only a reader whose cursor is older than the deletion
   * needs its tombstone) and moves the horizon past them, so that such a cursor takes a snapshot.
   * Returns how many tombstones went.
   */
  public int compact(Connection c, long beforeMillis) throws SQLException {
    long maxGone;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(MAX(seq), 0) FROM feed_latest WHERE data IS NULL AND changed_at < ?")) {
      ps.setLong(1, beforeMillis);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        maxGone = rs.getLong(1);
      }
    }
    int deleted;
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM feed_latest WHERE data IS NULL AND changed_at < ? AND seq <= ?")) {
      ps.setLong(1, beforeMillis);
      ps.setLong(2, maxGone);
      deleted = ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE feed_horizon SET seq = ? WHERE id = 1 AND seq < ?")) {
      ps.setLong(1, maxGone);
      ps.setLong(2, maxGone);
      ps.executeUpdate();
    }
    return deleted;
  }
}
