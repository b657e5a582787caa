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
 * Reads the feeds: changes after a seq in seq order, or the current state of every entity in
 * entity order (a snapshot), both for one store (rows for every store plus the store's own).
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
   * {@code afterKind}/{@code afterKey} in entity order, at most as new as {@code upToSeq}.
   */
  public List<Row> snapshot(Connection c, Stream stream, String storeId, long upToSeq, String afterKind,
      String afterKey, int limit) throws SQLException {
    // Written so that a page costs about its own rows on both engines (EXPLAIN on SQLite and
    // PostgreSQL): the row value, unlike "kind > ? OR (kind = ? AND key > ?)", is a range start on
    // changes_stream_entity, and NOT EXISTS a later version, unlike "seq = (SELECT MAX(seq) ...)",
    // lets PostgreSQL walk that index in order and stop at the limit instead of checking every
    // remaining entity and sorting them. Either old form made a snapshot quadratic.
    String after = afterKind == null ? "" : " AND (c.kind, c.entity_key) > (?, ?)";
    String sql = "SELECT c.seq, c.kind, c.entity_key, c.data FROM changes c WHERE c.stream = ?"
        + " AND (c.store_id IS NULL OR c.store_id = ?) AND c.seq <= ?" + after + " AND c.data IS NOT NULL"
        + " AND NOT EXISTS (SELECT 1 FROM changes l WHERE l.stream = c.stream AND l.kind = c.kind"
        + " AND l.entity_key = c.entity_key AND (l.store_id IS NULL OR l.store_id = ?) AND l.seq > c.seq"
        + " AND l.seq <= ?) ORDER BY c.kind, c.entity_key LIMIT ?";
    // PostgreSQL estimates tens of thousands of rows behind the LIMIT and plans a Gather Merge of
    // parallel workers: at a million cards, 25 ms a page, mostly starting the workers, against
    // 3 ms for the plain index walk (EXPLAIN ANALYZE, 1.1 million changes). A page is a thousand
    // rows; it never needs workers. Set for this query only: the connection goes back to the pool.
    boolean serialOnly = Sql.isPostgres(c);
    if (serialOnly) {
      execute(c, "SET max_parallel_workers_per_gather = 0");
    }
    try {
      return snapshotRows(c, sql, stream, storeId, upToSeq, afterKind, afterKey, limit);
    } finally {
      if (serialOnly) {
        execute(c, "RESET max_parallel_workers_per_gather");
      }
    }
  }

  private static List<Row> snapshotRows(Connection c, String sql, Stream stream, String storeId, long upToSeq,
      String afterKind, String afterKey, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int p = 1;
      ps.setString(p++, stream.id());
      ps.setString(p++, storeId);
      ps.setLong(p++, upToSeq);
      if (afterKind != null) {
        ps.setString(p++, afterKind);
        ps.setString(p++, afterKey);
      }
      ps.setString(p++, storeId);
      ps.setLong(p++, upToSeq);
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
   * Compacts the feeds: deletes changes older than {@code beforeMillis} that a later change of
   * the same entity superseded, and old tombstones, and moves the horizon past them. Returns how
   * many rows went.
   */
  public int compact(Connection c, long beforeMillis) throws SQLException {
    long maxGone;
    String doomed = " FROM changes c WHERE c.created_at < ? AND (c.data IS NULL OR EXISTS (SELECT 1 FROM changes l"
        + " WHERE l.stream = c.stream AND l.kind = c.kind AND l.entity_key = c.entity_key"
        + " AND COALESCE(l.store_id, '') = COALESCE(c.store_id, '') AND l.seq > c.seq))";
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(c.seq), 0)" + doomed)) {
      ps.setLong(1, beforeMillis);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        maxGone = rs.getLong(1);
      }
    }
    int deleted;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM changes WHERE seq IN (SELECT c.seq" + doomed
        + " AND c.seq <= ?)")) {
      ps.setLong(1, beforeMillis);
      ps.setLong(2, maxGone);
      deleted = ps.executeUpdate();
    }
    // a deletion compacted from the log goes from the latest changes too: older cursors take a snapshot
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed_latest WHERE data IS NULL AND seq <= ?")) {
      ps.setLong(1, maxGone);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE feed_horizon SET seq = ? WHERE id = 1 AND seq < ?")) {
      ps.setLong(1, maxGone);
      ps.setLong(2, maxGone);
      ps.executeUpdate();
    }
    return deleted;
  }
}
