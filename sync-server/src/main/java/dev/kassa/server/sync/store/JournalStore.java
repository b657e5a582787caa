package dev.kassa.server.sync.store;

import dev.kassa.model.sync.PushResponse.ChainStatus;
import dev.kassa.server.sync.ChainRules;
import dev.kassa.server.sync.ChainRules.Head;
import dev.kassa.server.sync.ChainRules.Link;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps each terminal's journal links, its unbroken head and its forks. The head row is locked
 * first, so two servers receiving the same terminal's batches take turns.
 */
public final class JournalStore {
  /** How many links beyond the head one push looks at; a longer gap is advanced by later pushes. */
  private static final int WALK_LIMIT = 20_000;

  /**
   * Records {@code links} and returns the chain's state; a link stored already is ignored or fails
   * the statement, as {@code ifStored} says.
   */
  public ChainStatus record(Connection c, String storeId, String terminalId, List<Link> links, long now,
      Sql.IfStored ifStored) throws SQLException {
    long[] head = new long[2];
    String hash = lockHead(c, storeId, terminalId, now, head);
    if (links.isEmpty()) {
      return status(c, terminalId);
    }
    List<Link> sorted = new ArrayList<>(links);
    sorted.sort(Comparator.comparingLong(Link::seq).thenComparing(Link::hash));
    insertLinks(c, terminalId, sorted, ifStored);
    Set<Long> seqs = new HashSet<>();
    long min = Long.MAX_VALUE;
    long max = 0;
    for (Link l : sorted) {
      seqs.add(l.seq());
      min = Math.min(min, l.seq());
      max = Math.max(max, l.seq());
    }
    Set<Long> affected = ChainRules.affectedBy(seqs);
    List<Link> window = links(c, terminalId, min - 1, max + 1, Integer.MAX_VALUE);
    rewriteForks(c, storeId, terminalId, affected, ChainRules.forksAt(affected, window), now);

    // the head row is ours until commit (locked above), and nothing since has changed it
    Head advanced = ChainRules.advance(new Head(head[0], hash),
        links(c, terminalId, head[0] + 1, Long.MAX_VALUE, WALK_LIMIT));
    try (PreparedStatement ps = c.prepareStatement("UPDATE journal_heads SET contiguous_seq = ?, contiguous_hash = ?,"
        + " max_seq = ?, updated_at = ? WHERE terminal_id = ?")) {
      ps.setLong(1, advanced.seq());
      ps.setString(2, advanced.hash());
      ps.setLong(3, Math.max(head[1], max));
      ps.setLong(4, now);
      ps.setString(5, terminalId);
      ps.executeUpdate();
    }
    return status(c, terminalId, advanced.seq(), Math.max(head[1], max));
  }

  public ChainStatus status(Connection c, String terminalId) throws SQLException {
    long[] head = new long[2];
    readHead(c, terminalId, head);
    return status(c, terminalId, head[0], head[1]);
  }

  private static ChainStatus status(Connection c, String terminalId, long contiguousSeq, long maxSeq)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM journal_forks WHERE terminal_id = ?")) {
      ps.setString(1, terminalId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return ChainStatus.FORK;
        }
      }
    }
    return maxSeq > contiguousSeq ? ChainStatus.GAP : ChainStatus.CONTINUOUS;
  }

  /** For the office: every terminal whose chain is not continuous, with its state. */
  public Map<String, ChainStatus> brokenChains(Connection c) throws SQLException {
    Map<String, ChainStatus> broken = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT terminal_id FROM journal_heads WHERE max_seq > contiguous_seq"
        + " ORDER BY terminal_id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        broken.put(rs.getString(1), ChainStatus.GAP);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT terminal_id FROM journal_forks ORDER BY terminal_id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        broken.put(rs.getString(1), ChainStatus.FORK);
      }
    }
    return broken;
  }

  /** The forks recorded for a terminal, by seq then hash. */
  public List<Link> forks(Connection c, String terminalId) throws SQLException {
    List<Link> forks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT f.seq, f.hash, l.previous_hash, f.event_id FROM journal_forks f"
        + " JOIN journal_links l ON l.terminal_id = f.terminal_id AND l.seq = f.seq AND l.hash = f.hash"
        + " WHERE f.terminal_id = ? ORDER BY f.seq, f.hash")) {
      ps.setString(1, terminalId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          forks.add(new Link(rs.getLong(1), rs.getString(2), rs.getString(3), UUID.fromString(rs.getString(4))));
        }
      }
    }
    return forks;
  }

  /** Creates or locks the terminal's head row and reads it in the same round trip, like {@link #readHead}. */
  private String lockHead(Connection c, String storeId, String terminalId, long now, long[] seqAndMax)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_heads (terminal_id, store_id, contiguous_seq,"
        + " contiguous_hash, max_seq, updated_at) VALUES (?, ?, 0, '', 0, ?)"
        + " ON CONFLICT (terminal_id) DO UPDATE SET updated_at = excluded.updated_at"
        + " RETURNING contiguous_seq, contiguous_hash, max_seq")) {
      ps.setString(1, terminalId);
      ps.setString(2, storeId);
      ps.setLong(3, now);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        seqAndMax[0] = rs.getLong(1);
        seqAndMax[1] = rs.getLong(3);
        return rs.getString(2);
      }
    }
  }

  private String readHead(Connection c, String terminalId, long[] seqAndMax) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT contiguous_seq, contiguous_hash, max_seq FROM journal_heads WHERE terminal_id = ?")) {
      ps.setString(1, terminalId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          seqAndMax[0] = 0;
          seqAndMax[1] = 0;
          return "";
        }
        seqAndMax[0] = rs.getLong(1);
        seqAndMax[1] = rs.getLong(3);
        return rs.getString(2);
      }
    }
  }

  private void insertLinks(Connection c, String terminalId, List<Link> links, Sql.IfStored ifStored)
      throws SQLException {
    boolean postgres = Sql.isPostgres(c);
    for (List<Link> chunk : Sql.chunks(links, Sql.ROWS_PER_STATEMENT)) {
      SqlRows rows = new SqlRows(postgres, "text, int8, text, text, text");
      for (Link l : chunk) {
        rows.add(terminalId, l.seq(), l.hash(), l.previousHash(), l.eventId());
      }
      rows.insert(c, ifStored, "journal_links", "terminal_id, seq, hash, previous_hash, event_id",
          "terminal_id, seq, hash");
    }
  }

  private List<Link> links(Connection c, String terminalId, long fromSeq, long toSeq, int limit) throws SQLException {
    List<Link> links = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, previous_hash, event_id FROM journal_links"
        + " WHERE terminal_id = ? AND seq >= ? AND seq <= ? ORDER BY seq, hash LIMIT ?")) {
      ps.setString(1, terminalId);
      ps.setLong(2, fromSeq);
      ps.setLong(3, toSeq);
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          links.add(new Link(rs.getLong(1), rs.getString(2), rs.getString(3), UUID.fromString(rs.getString(4))));
        }
      }
    }
    return links;
  }

  private static boolean hasForks(Connection c, String terminalId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM journal_forks WHERE terminal_id = ? LIMIT 1")) {
      ps.setString(1, terminalId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void rewriteForks(Connection c, String storeId, String terminalId, Set<Long> affected, List<Link> forks,
      long now) throws SQLException {
    // a terminal with no fork recorded (nearly every push) has none to delete: one probe, not one a seq
    List<Long> seqs = hasForks(c, terminalId) ? new ArrayList<>(affected) : List.of();
    boolean postgres = Sql.isPostgres(c);
    for (List<Long> chunk : Sql.chunks(seqs, Sql.ROWS_PER_STATEMENT)) {
      // seq is a number: on PostgreSQL compared with an array of numbers
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM journal_forks WHERE terminal_id = ? AND "
          + (postgres ? "seq = ANY(?::int8[])" : "seq IN (" + Sql.marks(chunk.size()) + ")"))) {
        ps.setString(1, terminalId);
        if (postgres) {
          ps.setArray(2, c.createArrayOf("int8", chunk.toArray(new Long[0])));
        } else {
          Sql.bindAny(ps, 2, false, chunk);
        }
        ps.executeUpdate();
      }
    }
    for (Link f : forks) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_forks (terminal_id, seq, hash, event_id,"
          + " store_id, detected_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id, seq, hash) DO NOTHING")) {
        Sql.bind(ps, List.of(terminalId, f.seq(), f.hash(), f.eventId(), storeId, now));
        ps.executeUpdate();
      }
    }
  }
}
