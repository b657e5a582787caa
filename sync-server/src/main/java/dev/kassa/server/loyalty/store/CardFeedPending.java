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
 * The cards whose feed entity is behind ({@code card_feed_marks}): a queue of card numbers, one row
 * for each time a transaction moved a card. A transaction that moves a card {@link #mark}s it by
 * appending a row, which takes no lock another transaction could wait for. A publisher turn
 * {@link #take}s committed marks (removing them in the same statement), then reads the cards as
 * they stand and writes their entities: every mark it took belongs to a move committed before that
 * read, and a mark still uncommitted is invisible to it and stays for a later turn. So the publisher
 * never waits for a push, and no move is left unpublished.
 *
 * <p>Taking must not race with another publisher's turn, which could still be running when this
 * one reads the cards: callers hold the feed's counter first ({@code ChangeLog.lock}), so turns
 * follow one another. (The marks were once one row per card, raised by an upsert and later locked
 * and deleted: that bookkeeping cost a push more than the rows the queue appends and a turn
 * deletes; see BENCHMARKS.md.)
 */
final class CardFeedPending {
  private CardFeedPending() {}

  /** Marks {@code cards} (each once, whatever the collection holds). */
  static void mark(Connection c, Collection<String> cards) throws SQLException {
    List<String> sorted = new ArrayList<>(new TreeSet<>(cards));
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(sorted, Sql.ROWS_PER_STATEMENT)) {
      SqlRows rows = new SqlRows(postgres, "text");
      chunk.forEach(rows::add);
      rows.append(c, "card_feed_marks", "card_number");
    }
  }

  /**
   * Removes up to {@code limit} committed marks and answers their cards, a card once for each of its
   * marks, the oldest marks first as far as the engine keeps them in order. The caller holds the
   * feed's counter ({@code ChangeLog.lock}).
   */
  static List<String> take(Connection c, int limit) throws SQLException {
    // PostgreSQL: the rows by their physical address (a TID scan, not a scan of the whole table);
    // no one else deletes them meanwhile, and a row that is never updated keeps its address
    String sql = Sql.isPostgres(c)
        ? "DELETE FROM card_feed_marks WHERE ctid = ANY (ARRAY(SELECT ctid FROM card_feed_marks LIMIT ?))"
            + " RETURNING card_number"
        : "DELETE FROM card_feed_marks WHERE rowid IN (SELECT rowid FROM card_feed_marks ORDER BY rowid LIMIT ?)"
            + " RETURNING card_number";
    List<String> cards = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cards.add(rs.getString(1));
        }
      }
    }
    return cards;
  }

  /** Whether any committed mark waits. */
  static boolean any(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM card_feed_marks)");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
