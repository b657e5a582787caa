package dev.kassa.server.loyalty.store;

import dev.kassa.server.sync.store.Sql;
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
 * card {@link #mark}s it; the publisher {@link #take}s marked cards, writes their entities and
 * commits, all in one transaction. Marking updates an existing mark, so the marking transaction
 * holds the mark's row lock until it ends: a publisher taking that card waits for it (or, when
 * asked not to wait, leaves the card for its next turn), and a publisher holding it makes the
 * marking transaction wait until the entity it publishes is committed. Either way no move is left
 * unpublished, and a card moved a hundred times between two turns is published once.
 */
final class CardFeedPending {
  private CardFeedPending() {}

  /** Marks {@code cards} (locked in card order, after the card rows, as every merge does). */
  static void mark(Connection c, Collection<String> cards, long nowMillis) throws SQLException {
    List<String> sorted = new ArrayList<>(new TreeSet<>(cards));
    for (List<String> chunk : Sql.chunks(sorted, Sql.ROWS_PER_STATEMENT)) {
      List<Object> values = new ArrayList<>(chunk.size() * 2);
      for (String card : chunk) {
        values.add(card);
        values.add(nowMillis);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_feed_pending (card_number, marked_at) VALUES "
          + Sql.valueRows(chunk.size(), 2)
          + " ON CONFLICT (card_number) DO UPDATE SET marked_at = excluded.marked_at")) {
        Sql.bind(ps, values);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Unmarks and answers up to {@code limit} marked cards, in card order. {@code wait}: on
   * PostgreSQL, wait for marks that running transactions hold (a pull that must see every committed
   * move); otherwise skip them (the background publisher, which never waits for a push). SQLite has
   * one writer, so there is nothing to wait for there.
   */
  static List<String> take(Connection c, int limit, boolean wait) throws SQLException {
    String lock = !Sql.isPostgres(c) ? "" : wait ? " FOR UPDATE" : " FOR UPDATE SKIP LOCKED";
    List<String> cards = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM card_feed_pending WHERE card_number IN"
        + " (SELECT card_number FROM card_feed_pending ORDER BY card_number LIMIT ?" + lock + ")"
        + " RETURNING card_number")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cards.add(rs.getString(1));
        }
      }
    }
    return cards;
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
