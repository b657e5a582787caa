package dev.kassa.server.loyalty.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the cards feed: each card a merge (or an office action) marked ({@link CardFeedPending}) is
 * published as it stands, with the other cards of its member, once a turn however many merges moved
 * it, and outside the card locks the merges take.
 */
public final class CardPublisher {
  private final LedgerStore ledger = new LedgerStore();
  private final MemberStore members = new MemberStore();
  private final ReservationStore reservations = new ReservationStore();
  private final FeedWriter feed;

  public CardPublisher(FeedWriter feed) {
    this.feed = feed;
  }

  /**
   * One turn of the card publisher: the cards of up to {@code limit} marks ({@link CardFeedPending}),
   * each with the other cards of its member, are written to the cards feed as they stand now, and
   * those marks removed; answers how many marks it took (fewer than {@code limit}: no committed mark
   * is left).
   */
  public int publishPending(Connection c, int limit, Instant now) throws SQLException {
    // SQLite: nothing to do when no mark waits, and then no write either (the counter's lock below is
    // an UPDATE, which an idle server would otherwise commit, fsync and all, every second). PostgreSQL
    // takes the lock regardless: there the check, like the taking, scans past the marks earlier turns
    // deleted until VACUUM removes them, and at full size in the reconciliation it cost more (49 ms a
    // turn) than the lock does when no mark waits
    if (!Sql.isPostgres(c) && !CardFeedPending.any(c)) {
      return 0;
    }
    // publishers take turns from here, so a later turn never appends an older state of a card, nor
    // takes marks while an earlier turn that took others has yet to read their cards
    ChangeLog.lock(c);
    List<String> marks = CardFeedPending.take(c, limit);
    if (marks.isEmpty()) {
      return 0;
    }
    Map<String, String> canonicalOf = members.canonicalCards(c, new ArrayList<>(new TreeSet<>(marks)));
    Map<String, Set<String>> groups = members.cardsOfAll(c, new TreeSet<>(canonicalOf.values()));
    Set<String> allCards = new TreeSet<>();
    groups.values().forEach(allCards::addAll);
    Map<String, LedgerStore.Sums> sums = ledger.sums(c, allCards);
    Map<String, Long> held = reservations.heldPerCard(c, allCards, now);
    List<CardFeed.Published> published = new ArrayList<>();
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      long balance = 0;
      long holds = 0;
      for (String card : group.getValue()) {
        LedgerStore.Sums sum = sums.get(card);
        balance += sum == null ? 0 : sum.balance();
        holds += held.getOrDefault(card, 0L);
      }
      published.add(new CardFeed.Published(new CardBalance(group.getKey(), balance, holds,
          Math.max(0, balance - holds), now), group.getKey(), group.getValue()));
    }
    List<ChangeLog.Entry> changes = new ArrayList<>();
    Map<String, ObjectNode> issued = CardFeed.issued(c, allCards);
    CardFeed.add(published, issued, CardHistory.asOf(c, allCards, CardFeed.birthdays(issued), now), changes);
    feed.appendAll(c, changes);
    return marks.size();
  }

  /** Whether cards wait for the publisher (committed marks). */
  public boolean cardsPending(Connection c) throws SQLException {
    return CardFeedPending.any(c);
  }
}
