package dev.kassa.server.loyalty.store;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.loyalty.Movement;
import dev.kassa.server.loyalty.Overdraft;
import dev.kassa.server.loyalty.OverdraftWalk;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merges a batch's loyalty events into the card ledgers, inside the push transaction: members
 * enrolled offline are reconciled, entries are added once each, card sums move with them, online
 * holds are posted by the sale's redemption, each touched member's overdrafts are recomputed from
 * all of its entries in hybrid-clock order, and the new balances and conflicts go to the feeds.
 */
public final class LoyaltyMerge {
  /** A member enrolment and the event that carried it. */
  public record Enrolled(UUID eventId, MemberEnrolled member) {}

  private final LedgerStore ledger = new LedgerStore();
  private final MemberStore members = new MemberStore();
  private final ConflictStore conflicts = new ConflictStore();
  private final ReservationStore reservations = new ReservationStore();
  private final MismatchStore mismatches = new MismatchStore();
  private final PointsCheck pointsCheck;
  private final FeedWriter feed;

  public LoyaltyMerge(PointsCheck pointsCheck, FeedWriter feed) {
    this.pointsCheck = pointsCheck;
    this.feed = feed;
  }

  public void merge(Connection c, List<Enrolled> enrolled, List<LedgerStore.Row> entries, List<Sale> sales,
      Instant now) throws SQLException {
    List<ChangeLog.Entry> changes = new ArrayList<>();
    // first, before any card row is locked: the engine recompute is the slow part of a merge
    List<Sale> withCard = sales.stream().filter(s -> s.loyalty() != null).toList();
    for (MismatchStore.Mismatch mismatch : pointsCheck.checkAll(c, withCard)) {
      mismatches.record(c, mismatch, now.toEpochMilli());
    }
    Set<String> touched = new TreeSet<>();
    for (Enrolled e : enrolled) {
      members.insert(c, e.eventId(), e.member());
    }
    for (Enrolled e : enrolled) {
      touched.add(e.member().cardNumber());
      touched.addAll(members.reconcile(c, e.member()));
    }
    List<LedgerEntry> added = ledger.insertAbsent(c, entries);
    Map<String, long[]> deltas = new TreeMap<>();
    Set<UUID> redeemedSales = new LinkedHashSet<>();
    for (LedgerEntry e : added) {
      long[] d = deltas.computeIfAbsent(e.cardNumber(), k -> new long[2]);
      d[0] = Math.addExact(d[0], e.points());
      d[1] += e.points() < 0 ? 1 : 0;
      if (e.type() == EntryType.REDEEM && e.saleId() != null) {
        redeemedSales.add(e.saleId());
      }
    }
    ledger.addToBalances(c, deltas, now.toEpochMilli());
    touched.addAll(deltas.keySet());
    // a sale moves the card's 12-month spend even when it moved no points
    withCard.forEach(s -> touched.add(s.loyalty().cardNumber()));
    reservations.postForSales(c, redeemedSales, now);
    for (Sale sale : sales) {
      if (sale.loyalty() != null && sale.loyalty().reservationId() != null) {
        postReservation(c, sale.loyalty().reservationId(), now);
      }
    }

    // one query per table for the whole batch: the card rows are locked until commit
    Map<String, String> canonicalOf = members.canonicalCards(c, touched);
    Map<String, Set<String>> groups = members.cardsOfAll(c, new TreeSet<>(canonicalOf.values()));
    Set<String> allCards = new TreeSet<>();
    groups.values().forEach(allCards::addAll);
    Map<String, long[]> sums = ledger.sums(c, allCards);
    Map<String, Long> held = reservations.heldPerCard(c, allCards, now);
    List<CardFeed.Published> published = new ArrayList<>();
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      long balance = 0;
      long negatives = 0;
      long holds = 0;
      for (String card : group.getValue()) {
        long[] sum = sums.getOrDefault(card, new long[2]);
        balance += sum[0];
        negatives += sum[1];
        holds += held.getOrDefault(card, 0L);
      }
      if (negatives > 0) {
        recomputeConflicts(c, group.getKey(), group.getValue(), now, changes);
      }
      published.add(new CardFeed.Published(new CardBalance(group.getKey(), balance, holds,
          Math.max(0, balance - holds), now), group.getKey(), group.getValue()));
    }
    CardFeed.add(c, published, changes);
    // last: taking feed numbers locks the feed's counter until commit
    feed.appendAll(c, changes);
  }

  /** Adds the member's balance under each of its cards to {@code changes} for the cards feed. */
  public void publishBalance(Connection c, String canonical, Set<String> cards, Instant now,
      List<ChangeLog.Entry> changes) throws SQLException {
    CardFeed.add(c, List.of(new CardFeed.Published(balance(c, canonical, cards, now), canonical, cards)), changes);
  }

  /** The member's balance (all its cards), what open holds keep back, and what is left. */
  public CardBalance balance(Connection c, String cardNumber, Set<String> cards, Instant now) throws SQLException {
    long balance = ledger.balance(c, cards);
    long held = reservations.held(c, cards, now);
    return new CardBalance(cardNumber, balance, held, Math.max(0, balance - held), now);
  }

  /**
   * Re-derives the member's overdraft conflicts from all its entries. New episodes become OPEN
   * conflicts; episodes that later entries erased are RETRACTED; resolved ones keep their resolution.
   */
  public void recomputeConflicts(Connection c, String canonical, Set<String> cards, Instant now,
      List<ChangeLog.Entry> changes) throws SQLException {
    List<Movement> movements = ledger.movements(c, cards);
    Map<UUID, Overdraft> found = new HashMap<>();
    for (Overdraft o : OverdraftWalk.overdrafts(canonical, movements)) {
      found.put(o.conflictId(), o);
    }
    Map<UUID, Conflict> existing = new HashMap<>();
    for (Conflict known : conflicts.forCards(c, new ArrayList<>(cards))) {
      existing.put(known.id(), known);
    }
    for (Overdraft o : found.values()) {
      Conflict known = existing.remove(o.conflictId());
      List<Conflict.Involved> involved = o.involved().stream()
          .map(m -> new Conflict.Involved(m.entryId(), m.saleId(), m.storeId(), m.terminalId(), m.points()))
          .toList();
      Conflict.Status status = known == null || known.status() == Conflict.Status.RETRACTED
          ? Conflict.Status.OPEN : known.status();
      Conflict updated = new Conflict(o.conflictId(), canonical, o.trigger().entryId(), o.deficit(), involved, status,
          known == null ? now : known.detectedAt(), known == null ? null : known.resolvedAt(),
          known == null ? null : known.resolvedBy(), known == null ? null : known.resolution());
      if (!updated.equals(known)) {
        save(c, updated, changes);
      }
    }
    for (Conflict gone : existing.values()) {
      if (gone.status() == Conflict.Status.OPEN) {
        save(c, new Conflict(gone.id(), gone.cardNumber(), gone.triggerEntry(), gone.deficit(), gone.involved(),
            Conflict.Status.RETRACTED, gone.detectedAt(), now, null, "later entries show no overdraft"), changes);
      }
    }
  }

  /** Stores a conflict and adds it to {@code changes} for the conflicts feed of every store it concerns. */
  public void save(Connection c, Conflict conflict, List<ChangeLog.Entry> changes) throws SQLException {
    conflicts.upsert(c, conflict);
    for (String store : conflicts.stores(c, conflict.id())) {
      changes.add(new ChangeLog.Entry(Stream.CONFLICTS, store, "conflict", conflict.id().toString(),
          conflict.status() == Conflict.Status.RETRACTED ? null : SyncCodec.toTree(conflict)));
    }
  }

  private void postReservation(Connection c, String reservationId, Instant now) throws SQLException {
    try {
      reservations.settle(c, UUID.fromString(reservationId), Reservation.Status.POSTED, now);
    } catch (IllegalArgumentException e) {
      // not one of our reservation ids: nothing to post; the sale itself is still merged
    }
  }
}
