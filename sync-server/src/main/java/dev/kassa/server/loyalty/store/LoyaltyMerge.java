package dev.kassa.server.loyalty.store;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.Reservation;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.loyalty.Movement;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.loyalty.WalkTail;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * all of its entries in hybrid-clock order ({@link ConflictWalks}; the entries as this server learned
 * them in earlier merges when the card's sums row shows nothing else moved it since,
 * {@link MovementCache}, else read from the ledger), and conflicts go to the feeds. The touched cards
 * are only marked ({@link CardFeedPending}): the {@link CardPublisher} writes their entities to the
 * cards feed afterwards, once per card however many merges moved it, and outside the card locks.
 *
 * <p>Under {@link OverdraftPolicy#WRITE_OFF} a walked member's conflicts are those of the
 * {@link dev.kassa.server.loyalty.WriteOffWalk} and the policy's write-off entries are added in the
 * same walk ({@link PolicyWriteOff}); under NET the walk is what it always was, at no extra cost.
 */
public final class LoyaltyMerge {
  /** A member enrolment and the event that carried it. */
  public record Enrolled(UUID eventId, MemberEnrolled member) {}

  /**
   * Movements kept between merges: a million (a movement takes some 120 bytes kept), or as many as
   * fit in an eighth of the heap when that is less.
   */
  static final int DEFAULT_MOVEMENTS_KEPT =
      (int) Math.min(1_000_000, Runtime.getRuntime().maxMemory() / 8 / 120);

  private final LedgerStore ledger = new LedgerStore();
  private final MemberStore members = new MemberStore();
  private final ReservationStore reservations = new ReservationStore();
  private final MismatchStore mismatches = new MismatchStore();
  private final MovementCache movements;
  private final PointsCheck pointsCheck;
  private final FeedWriter feed;
  private final ConflictWalks walks;

  /** A merge under the default {@link OverdraftPolicy#NET}. */
  public LoyaltyMerge(PointsCheck pointsCheck, FeedWriter feed) {
    this(pointsCheck, feed, OverdraftPolicy.NET);
  }

  public LoyaltyMerge(PointsCheck pointsCheck, FeedWriter feed, OverdraftPolicy policy) {
    this.pointsCheck = pointsCheck;
    this.feed = feed;
    this.movements = new MovementCache(DEFAULT_MOVEMENTS_KEPT);
    this.walks = new ConflictWalks(java.util.Objects.requireNonNull(policy, "policy == null"), this::read);
  }

  /**
   * Merges a batch's enrolments, entries and new sales; an entry (or a sale's points mismatch) stored
   * already is skipped or fails the statement, as {@code ifStored} says ({@link Sql.IfStored}).
   * Answers the ids of the entries added now, and what the merge learned of its cards' movements, for
   * {@link #committed} once the transaction has committed.
   */
  public Merged merge(Connection c, List<Enrolled> enrolled, List<LedgerStore.Row> entries, List<Sale> sales,
      Instant now, Sql.IfStored ifStored) throws SQLException {
    List<ChangeLog.Entry> changes = new ArrayList<>();
    // first, before any card row is locked: the engine recompute is the slow part of a merge
    List<Sale> withCard = sales.stream().filter(s -> s.loyalty() != null).toList();
    mismatches.recordAll(c, pointsCheck.checkAll(c, withCard), now.toEpochMilli(), ifStored);
    for (Enrolled e : enrolled) {
      members.insert(c, e.eventId(), e.member());
    }
    Set<String> regrouped = new TreeSet<>();
    for (Enrolled e : enrolled) {
      regrouped.add(e.member().cardNumber());
      regrouped.addAll(members.reconcile(c, e.member()));
    }
    Set<String> touched = new TreeSet<>(regrouped);
    Map<String, List<Movement>> addedByCard = new TreeMap<>();
    Set<UUID> redeemedSales = new LinkedHashSet<>();
    Set<UUID> entriesAdded = new HashSet<>();
    for (LedgerEntry e : ledger.insert(c, entries, ifStored)) {
      entriesAdded.add(e.id());
      addedByCard.computeIfAbsent(e.cardNumber(), k -> new ArrayList<>()).add(new Movement(e.id(), e.hlc().value(),
          e.type(), e.points(), e.storeId(), e.terminalId(), e.saleId()));
      if (e.type() == EntryType.REDEEM && e.saleId() != null) {
        redeemedSales.add(e.saleId());
      }
    }
    addedByCard.replaceAll((card, added) -> movements.shared(added));
    Map<String, LedgerStore.Delta> deltas = new TreeMap<>();
    addedByCard.forEach((card, added) -> deltas.put(card, new LedgerStore.Delta(
        added.stream().mapToLong(Movement::points).reduce(0, Math::addExact),
        added.stream().filter(m -> m.points() < 0).count(), WalkTail.offered(added))));
    touched.addAll(deltas.keySet());
    // a sale moves the card's 12-month spend even when it moved no points
    withCard.forEach(s -> touched.add(s.loyalty().cardNumber()));
    // still before the lock: who belongs to whom, and the cards as issued
    Map<String, String> canonicalOf = members.canonicalCards(c, touched);
    Map<String, Set<String>> groups = members.cardsOfAll(c, new TreeSet<>(canonicalOf.values()));
    Set<String> allCards = new TreeSet<>();
    groups.values().forEach(allCards::addAll);
    Map<String, LedgerStore.Sums> before = ledger.sums(c, allCards);
    // the entries of the members that will likely be walked again, unless another merge moves them meanwhile
    Set<String> likelyWalked = new TreeSet<>();
    for (Set<String> cards : groups.values()) {
      long negatives = 0;
      boolean tailsKnown = true;
      for (String card : cards) {
        LedgerStore.Sums was = before.get(card);
        LedgerStore.Delta delta = deltas.get(card);
        negatives += (was == null ? 0 : was.negatives()) + (delta == null ? 0 : delta.negatives());
        Long tail = was == null ? Long.valueOf(Long.MIN_VALUE) : was.walkTail();
        if (delta != null) {
          tail = WalkTail.afterAdding(was == null ? null : was.walkTail(), was != null, delta.offeredTail());
        }
        tailsKnown &= tail != null && !regrouped.contains(card);
      }
      if (negatives > 0 && (cards.size() > 1 || !tailsKnown)) {
        likelyWalked.addAll(cards);
      }
    }
    // what this server learned of them before, else their entries as stored (this batch's included)
    Map<String, List<Movement>> entriesRead = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String card : likelyWalked) {
      List<Movement> known = movements.after(card, before.get(card), addedByCard.get(card));
      if (known == null) {
        unknown.add(card);
      } else {
        entriesRead.put(card, known);
      }
    }
    entriesRead.putAll(read(c, unknown));

    // from here the card rows are locked until commit: only what must see the other merges' work
    Map<String, LedgerStore.Sums> sums = new HashMap<>(ledger.addToBalances(c, deltas, now.toEpochMilli()));
    SpendStore.add(c, withCard);
    // their feed entities are written by the card publisher once this commits
    CardFeedPending.mark(c, allCards);
    sums.putAll(ledger.sums(c, allCards.stream().filter(card -> !sums.containsKey(card)).toList()));
    // a card another merge moved since it was read: its entries are read again if it is walked
    List<String> moved = allCards.stream().filter(card -> versionOf(sums, card)
        != versionOf(before, card) + (deltas.containsKey(card) ? 1 : 0)).toList();
    reservations.postForSales(c, redeemedSales, now);
    for (Sale sale : sales) {
      if (sale.loyalty() != null && sale.loyalty().reservationId() != null) {
        postReservation(c, sale.loyalty().reservationId(), now);
      }
    }
    Map<String, Set<String>> rewalk = new TreeMap<>();
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      long negatives = 0;
      boolean tailsKnown = true;
      for (String card : group.getValue()) {
        LedgerStore.Sums sum = sums.getOrDefault(card, new LedgerStore.Sums(0, 0, Long.MIN_VALUE, 0));
        negatives += sum.negatives();
        tailsKnown &= sum.walkTail() != null && !regrouped.contains(card);
      }
      // a member without entries below zero never overdrew; one card whose tail survived this batch is unchanged
      if (negatives > 0 && (group.getValue().size() > 1 || !tailsKnown)) {
        rewalk.put(group.getKey(), group.getValue());
      }
    }
    // the movements of each card as its row stands now, where this merge knows them without reading
    Map<String, List<Movement>> current = new HashMap<>();
    for (String card : allCards) {
      LedgerStore.Sums state = sums.get(card);
      if (state == null) {
        continue;
      }
      if (entriesRead.containsKey(card) && !moved.contains(card)) {
        current.put(card, entriesRead.get(card));
      } else {
        // another merge of this server may have taught the cache the state just before this batch
        LedgerStore.Delta delta = deltas.get(card);
        List<Movement> known = movements.after(card, delta == null ? state : state.before(delta),
            addedByCard.get(card));
        if (known != null) {
          current.put(card, known);
        }
      }
    }
    ConflictWalks.Walked walked = walks.walk(c, rewalk, current, now, changes);
    // the policy's own entries moved these rows once more
    sums.putAll(walked.written());
    Map<String, Long> tails = new HashMap<>(walked.tails());
    tails.keySet().retainAll(deltas.keySet());
    ledger.setWalkTails(c, tails);
    // last: taking feed numbers locks the feed's counter until commit
    feed.appendAll(c, changes);

    Map<String, MovementCache.Known> learned = new HashMap<>();
    walked.movements().forEach((card, moves) -> {
      if (sums.containsKey(card)) {
        learned.put(card, MovementCache.Known.at(sums.get(card), moves));
      }
    });
    current.forEach((card, moves) -> learned.putIfAbsent(card, MovementCache.Known.at(sums.get(card), moves)));
    return new Merged(entriesAdded, new Learned(learned));
  }

  /** The ids of the entries a merge added, and what it learned of its cards' movements. */
  public record Merged(Set<UUID> entriesAdded, Learned learned) {}

  /** What a merge learned of its cards' movements: for {@link #committed}, once its transaction has committed. */
  public record Learned(Map<String, MovementCache.Known> movements) {}

  /** Keeps what a merge learned, now that its transaction committed (never before: it may roll back). */
  public void committed(Learned learned) {
    movements.learn(learned.movements());
  }

  /** Every entry of {@code cards} as stored, by card (an empty list for a card without any). */
  private Map<String, List<Movement>> read(Connection c, Collection<String> cards) throws SQLException {
    Map<String, List<Movement>> byCard = new HashMap<>();
    Map<String, List<Movement>> read = ledger.movementsByCard(c, cards);
    for (String card : cards) {
      byCard.put(card, read.containsKey(card) ? movements.shared(read.get(card)) : List.of());
    }
    return byCard;
  }

  private static long versionOf(Map<String, LedgerStore.Sums> sums, String card) {
    LedgerStore.Sums s = sums.get(card);
    return s == null ? 0 : s.version();
  }

  /**
   * Marks the member's cards for the cards feed: the card publisher writes their entities once this
   * transaction commits ({@link CardPublisher}).
   */
  public void markForFeed(Connection c, Set<String> cards) throws SQLException {
    CardFeedPending.mark(c, cards);
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
    walks.walk(c, Map.of(canonical, cards), Map.of(), now, changes);
  }

  /**
   * Stores a conflict and adds it to {@code changes} for the conflicts feed of every store it
   * concerns; a store it no longer concerns gets its removal.
   */
  public void save(Connection c, Conflict conflict, List<ChangeLog.Entry> changes) throws SQLException {
    walks.save(c, conflict, changes);
  }

  private void postReservation(Connection c, String reservationId, Instant now) throws SQLException {
    try {
      reservations.settle(c, UUID.fromString(reservationId), Reservation.Status.POSTED, now);
    } catch (IllegalArgumentException e) {
      // not one of our reservation ids: nothing to post; the sale itself is still merged
    }
  }
}
