package dev.kassa.server.loyalty.store;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.ledger.PointsLedger;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The loyalty operations that are not pushes: online balance and holds for terminals, office
 * adjustments and conflict resolutions, and the reads of the convergence checks. Each call is one
 * transaction; holds lock the member's card row, so concurrent holds on one card take turns.
 */
public final class LoyaltyStore {
  /** What a reservation call did: the reservation, or why none was made. */
  public record HoldResult(Reservation reservation, String refusal) {}

  /** Who did an office action and why, for the entry and the audit log. */
  public record OfficeAction(String username, String reason) {}

  /**
   * Marks a publishing turn takes at most. A turn publishes each card once however many of its marks
   * it took, so a turn large enough for a second's moves at full load (the chore's cadence) publishes
   * a busy card once a second; with 2,000 a turn, ingest wrote 30,469 card entities for 31,820 marks
   * (the turns chased the marks still arriving), against 23,697 with the cards taken 1,000 at a time
   * in card order before (see BENCHMARKS.md).
   */
  private static final int PUBLISH_BATCH = 10_000;
  private static final int MAX_PUBLISH_ROUNDS = 100;

  private final Transactions tx;
  private final LoyaltyMerge merge;
  private final FeedWriter feed;
  private final CardPublisher publisher;
  private final LedgerStore ledger = new LedgerStore();
  private final MemberStore members = new MemberStore();
  private final ReservationStore reservations = new ReservationStore();
  private final ConflictStore conflicts = new ConflictStore();
  private final MismatchStore mismatches = new MismatchStore();

  public LoyaltyStore(Transactions tx, LoyaltyMerge merge, FeedWriter feed) {
    this.tx = tx;
    this.merge = merge;
    this.feed = feed;
    this.publisher = new CardPublisher(feed);
  }

  public CardBalance balance(String card, Instant now) {
    return tx.read(c -> {
      String canonical = members.canonicalCard(c, card);
      return merge.balance(c, card, members.cardsOf(c, canonical), now);
    });
  }

  /**
   * Holds {@code request.points()} if the member's balance minus its other open holds covers them.
   * The same request id again answers the reservation as it now stands.
   */
  public HoldResult hold(ReservationRequest request, String storeId, String terminalId, Duration ttl, Instant now) {
    return tx.write(c -> {
      Optional<ReservationStore.Row> known = reservations.byId(c, request.id(), now);
      if (known.isPresent()) {
        Reservation r = known.get().reservation();
        boolean same = r.cardNumber().equals(request.cardNumber()) && r.points() == request.points()
            && r.saleId().equals(request.saleId()) && known.get().storeId().equals(storeId);
        return same ? new HoldResult(r, null) : new HoldResult(null, "reservation id already used for another hold");
      }
      String canonical = members.canonicalCard(c, request.cardNumber());
      ledger.lockCard(c, canonical, now.toEpochMilli());
      Set<String> cards = members.cardsOf(c, canonical);
      CardBalance balance = merge.balance(c, request.cardNumber(), cards, now);
      if (request.points() > balance.available()) {
        return new HoldResult(null, "not enough points: " + balance.available() + " available, "
            + request.points() + " asked");
      }
      Reservation held = new Reservation(request.id(), request.cardNumber(), request.points(), request.saleId(),
          Reservation.Status.HELD, now.plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      reservations.insert(c, held, storeId, terminalId, now.toEpochMilli());
      merge.markForFeed(c, cards);
      return new HoldResult(held, null);
    });
  }

  public Optional<ReservationStore.Row> reservation(UUID id, Instant now) {
    return tx.read(c -> reservations.byId(c, id, now));
  }

  /** Voids a HELD reservation; answers it as it stands afterwards (empty when unknown). */
  public Optional<Reservation> voidHold(UUID id, Instant now) {
    return tx.write(c -> {
      Optional<ReservationStore.Row> known = reservations.byId(c, id, now);
      if (known.isEmpty()) {
        return Optional.empty();
      }
      if (reservations.settle(c, id, Reservation.Status.VOIDED, now)) {
        String canonical = members.canonicalCard(c, known.get().reservation().cardNumber());
        merge.markForFeed(c, members.cardsOf(c, canonical));
      }
      return reservations.byId(c, id, now).map(ReservationStore.Row::reservation);
    });
  }

  /**
   * An office correction: an ADJUST entry of {@code points} on the card (made once per
   * {@code entryId}), audited, after which the member's conflicts are recomputed.
   */
  public CardBalance adjust(UUID entryId, String card, long points, OfficeAction action, Hlc hlc, Instant now) {
    return tx.write(c -> {
      addAdjustment(c, entryId, card, points, action, hlc, now);
      String canonical = members.canonicalCard(c, card);
      return merge.balance(c, card, members.cardsOf(c, canonical), now);
    });
  }

  /**
   * Resolves a conflict: {@code writeOff} adds an ADJUST bringing a negative balance back to zero
   * (nothing when it is not negative any more); otherwise the netting policy stands. Answers the
   * conflict as resolved, or empty when unknown.
   */
  public Optional<Conflict> resolve(UUID conflictId, boolean writeOff, OfficeAction action, Hlc hlc, Instant now) {
    return tx.write(c -> {
      Optional<Conflict> known = conflicts.byId(c, conflictId);
      if (known.isEmpty()) {
        return Optional.empty();
      }
      Conflict conflict = known.get();
      String canonical = members.canonicalCard(c, conflict.cardNumber());
      ledger.lockCard(c, canonical, now.toEpochMilli());
      long balance = ledger.balance(c, members.cardsOf(c, canonical));
      String resolution = "netted against future accruals";
      if (writeOff && balance < 0) {
        UUID entryId = UUID.nameUUIDFromBytes(("write-off:" + conflictId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        addAdjustment(c, entryId, canonical, -balance, action, hlc, now);
        resolution = "written off " + (-balance) + " points";
      }
      resolution = resolution + ": " + action.reason();
      Conflict resolved = new Conflict(conflict.id(), conflict.cardNumber(), conflict.triggerEntry(),
          conflict.deficit(), conflict.involved(), Conflict.Status.RESOLVED, conflict.detectedAt(), now,
          action.username(), resolution);
      List<ChangeLog.Entry> changes = new ArrayList<>();
      merge.save(c, resolved, changes);
      audit(c, now, "CONFLICT_RESOLVED", action.username(), conflictId + " " + resolution);
      feed.appendAll(c, changes);
      return Optional.of(resolved);
    });
  }

  public List<Conflict> conflicts(String storeIdOrNull) {
    return tx.read(c -> conflicts.list(c, storeIdOrNull));
  }

  /** Each card's balance as its member's (all of the member's cards), by card number. */
  public Map<String, Long> balances() {
    return tx.read(c -> {
      Map<String, Long> perCard = ledger.allBalances(c);
      Map<String, String> aliases = members.aliases(c);
      Map<String, Long> perMember = new java.util.TreeMap<>();
      for (Map.Entry<String, Long> e : perCard.entrySet()) {
        perMember.merge(aliases.getOrDefault(e.getKey(), e.getKey()), e.getValue(), Long::sum);
      }
      Map<String, Long> result = new java.util.TreeMap<>();
      for (String card : perCard.keySet()) {
        result.put(card, perMember.get(aliases.getOrDefault(card, card)));
      }
      for (Map.Entry<String, String> alias : aliases.entrySet()) {
        result.put(alias.getKey(), perMember.getOrDefault(alias.getValue(), 0L));
      }
      return result;
    });
  }

  public List<MismatchStore.Mismatch> mismatches() {
    return tx.read(mismatches::list);
  }

  /**
   * Writes the EXPIRE entries that {@code now} makes due, card by card, as the shared ledger
   * derivation computes them. Their ids derive from the expiring lot, so a terminal that wrote the
   * same expiry offline and a repeated sweep add nothing. Returns how many entries were added.
   */
  public int expirePoints(Instant now) {
    return tx.write(c -> {
      int added = 0;
      for (String card : ledger.cardsWithExpiring(c, now)) {
        List<LedgerEntry> due = PointsLedger.derive(ledger.entries(c, card), now).dueExpiries();
        if (due.isEmpty()) {
          continue;
        }
        List<LedgerStore.Row> rows = due.stream().map(e -> new LedgerStore.Row(e.id(), e)).toList();
        long delta = 0;
        long negatives = 0;
        for (LedgerEntry e : ledger.insertAbsent(c, rows)) {
          delta += e.points();
          negatives++;
          added++;
        }
        ledger.addToBalances(c, Map.of(card, new LedgerStore.Delta(delta, negatives, null)), now.toEpochMilli());
        String canonical = members.canonicalCard(c, card);
        merge.markForFeed(c, members.cardsOf(c, canonical));
      }
      return added;
    });
  }

  /** Marks holds past their expiry as EXPIRED (they already stopped counting when they expired). */
  public int expireHolds(Instant now) {
    return tx.write(c -> reservations.expire(c, now));
  }

  private void addAdjustment(Connection c, UUID entryId, String card, long points, OfficeAction action, Hlc hlc,
      Instant now) throws SQLException {
    LedgerEntry entry = new LedgerEntry(entryId, card, EntryType.ADJUST, points, now, hlc, "office",
        "office:" + action.username(), null, null, null, action.reason());
    List<LedgerEntry> added = ledger.insertAbsent(c, List.of(new LedgerStore.Row(entryId, entry)));
    if (added.isEmpty()) {
      return;
    }
    // the office's entry is not offered to the tail: the card's next merge walks it again
    ledger.addToBalances(c, Map.of(card, new LedgerStore.Delta(points, points < 0 ? 1 : 0, null)),
        now.toEpochMilli());
    audit(c, now, "LOYALTY_ADJUSTED", action.username(), card + " " + points + " points: " + action.reason());
    String canonical = members.canonicalCard(c, card);
    Set<String> cards = members.cardsOf(c, canonical);
    List<ChangeLog.Entry> changes = new ArrayList<>();
    merge.recomputeConflicts(c, canonical, cards, now, changes);
    merge.markForFeed(c, cards);
    feed.appendAll(c, changes);
  }

  /**
   * Writes the cards feed entities of every card marked so far ({@link CardPublisher#publishPending}),
   * at most {@link #PUBLISH_BATCH} marks a transaction; answers how many marks it took. Every move committed before the
   * call is in the feed when it returns; moves still running are published at a later turn.
   */
  public int publishCards(Instant now) {
    int total = 0;
    for (int round = 0; round < MAX_PUBLISH_ROUNDS; round++) {
      int marks = tx.write(c -> publisher.publishPending(c, PUBLISH_BATCH, now));
      total += marks;
      if (marks < PUBLISH_BATCH) {
        break;
      }
    }
    return total;
  }

  private static void audit(Connection c, Instant now, String event, String subject, String detail)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO audit_log (at, event, subject, remote, detail) VALUES (?, ?, ?, ?, ?)")) {
      Sql.bind(ps, java.util.Arrays.asList(now.toEpochMilli(), event, subject, null, detail));
      ps.executeUpdate();
    }
  }
}
