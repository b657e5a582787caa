package dev.kassa.server.loyalty.store;

import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.SqlRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The cards whose feed entity is behind ({@code card_feed_pending}). A transaction that moves a
 * card {@link #mark}s it, which raises the mark's version and holds its row lock until that
 * transaction ends. The publisher reads the marks ({@link #after}), then the cards as they stand,
 * writes their entities, and {@link #unmark}s only the marks still at the version it read and not
 * held by a running transaction: a card moved again after the publisher read its mark, or being
 * moved right now, stays marked and is published again at the next turn. The publisher thus never
 * waits for a push, and holds nothing a push waits for but for the instant of its last statement.
 */
final class CardFeedPending {
  /** A marked card and the version of its mark. */
  record Mark(String card, long version) {}

  private CardFeedPending() {}

  /** Marks {@code cards} (locked in card order, after the card rows, as every merge does). */
  static void mark(Connection c, Collection<String> cards, long nowMillis) throws SQLException {
    List<String> sorted = new ArrayList<>(new TreeSet<>(cards));
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(sorted, Sql.ROWS_PER_STATEMENT)) {
      SqlRows rows = new SqlRows(postgres, "text, int8, int8");
      for (String card : chunk) {
        rows.add(card, nowMillis, 1L);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_feed_pending (card_number, marked_at, version) "
          + rows.sql() + " ON CONFLICT (card_number) DO UPDATE SET marked_at = excluded.marked_at,"
          + " version = card_feed_pending.version + 1")) {
        rows.bind(ps, 1);
        ps.executeUpdate();
      }
    }
  }

  /** Up to {@code limit} committed marks of cards after {@code afterCard} (null: from the first), in card order. */
  static List<Mark> after(Connection c, String afterCard, int limit) throws SQLException {
    List<Mark> marks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, version FROM card_feed_pending"
        + " WHERE card_number > ? ORDER BY card_number LIMIT ?")) {
      ps.setString(1, afterCard == null ? "" : afterCard);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          marks.add(new Mark(rs.getString(1), rs.getLong(2)));
        }
      }
    }
    return marks;
  }

  /**
   * Removes those of {@code marks} still at the version read and, on PostgreSQL, not held by a
   * running transaction (SQLite has one writer, so none is); answers how many it removed.
   *
   * <p>On PostgreSQL in two statements: lock the marks still at their version, skipping those held,
   * then delete the ones locked. As one statement (a DELETE of the rows a FOR UPDATE SKIP LOCKED
   * subquery picks), a turn of 1,000 marks while merges re-marked the same cards kept a backend at
   * full CPU for minutes (seen at full size with every till pulling), holding the feed's counter and
   * so stalling every push behind it.
   */
  static int unmark(Connection c, List<Mark> marks) throws SQLException {
    int removed = 0;
    boolean postgres = Sql.isPostgres(c);
    for (List<Mark> chunk : Sql.chunks(marks, Sql.ROWS_PER_STATEMENT)) {
      SqlRows read = new SqlRows(postgres, "text, int8");
      for (Mark m : chunk) {
        read.add(m.card(), m.version());
      }
      removed += postgres ? unmarkNotHeld(c, read) : unmarkAll(c, read);
    }
    return removed;
  }

  /** SQLite: deletes the marks still at their version. */
  private static int unmarkAll(Connection c, SqlRows read) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM card_feed_pending WHERE (card_number, version) IN (" + read.sql() + ")")) {
      read.bind(ps, 1);
      return ps.executeUpdate();
    }
  }

  /** PostgreSQL: locks the marks still at their version, skipping those held, and deletes the ones locked. */
  private static int unmarkNotHeld(Connection c, SqlRows read) throws SQLException {
    List<String> locked = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT p.card_number FROM card_feed_pending p JOIN ("
        + read.sql() + ") AS m (card, version) ON p.card_number = m.card AND p.version = m.version"
        + " FOR UPDATE OF p SKIP LOCKED")) {
      read.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          locked.add(rs.getString(1));
        }
      }
    }
    if (locked.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM card_feed_pending WHERE " + Sql.any(true, "card_number", locked.size()))) {
      Sql.bindAny(ps, 1, true, locked);
      return ps.executeUpdate();
    }
  }

  /** How many cards are marked (committed marks). */
  static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM card_feed_pending");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
