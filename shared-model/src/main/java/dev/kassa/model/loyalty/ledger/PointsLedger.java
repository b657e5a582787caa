package dev.kassa.model.loyalty.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.PointsLot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Derives balance and expiry lots from a card's ledger entries, the only truth. Entries are put in
 * (HLC, id) order first and a repeated id counts once, so terminal and server derive the same state
 * from the same set of entries however it arrived.
 *
 * <p>Credits (EARN, BONUS, positive ADJUST or REVERSE) open lots; debits take from them oldest first:
 * a REDEEM or negative ADJUST from lots not yet expired at its time, a REVERSE first from the lot of
 * the entry it reverses, an EXPIRE from expired lots. What no lot covers is a deficit that later
 * credits pay off first. Lots expired at {@code now} with points left give the due EXPIRE entries.
 */
public final class PointsLedger {
  private static final Comparator<LedgerEntry> ORDER =
      Comparator.comparing(LedgerEntry::hlc).thenComparing(LedgerEntry::id);
  static final String EXPIRY_TERMINAL = "expiry";

  private final List<Lot> lots = new ArrayList<>();
  private long deficit;

  private PointsLedger() {}

  public static LedgerState derive(List<LedgerEntry> entries, Instant now) {
    requireNonNull(now, "now == null");
    List<LedgerEntry> sorted = new ArrayList<>(requireNonNull(entries, "entries == null"));
    sorted.sort(ORDER);
    PointsLedger ledger = new PointsLedger();
    Set<UUID> seen = new HashSet<>();
    long balance = 0;
    for (LedgerEntry entry : sorted) {
      if (seen.add(entry.id())) {
        ledger.apply(entry);
        balance = Math.addExact(balance, entry.points());
      }
    }
    List<LedgerEntry> due = ledger.expire(now);
    for (LedgerEntry expiry : due) {
      balance += expiry.points();
    }
    List<PointsLot> open = new ArrayList<>();
    for (Lot lot : ledger.lots) {
      if (lot.remaining > 0) {
        open.add(lot.toLot());
      }
    }
    return new LedgerState(balance, open, ledger.deficit, due);
  }

  /** The id of the EXPIRE entry for a lot: derived, so every node generates the same entry. */
  public static UUID expiryId(UUID lotSourceEntryId) {
    return UUID.nameUUIDFromBytes(("expire:" + lotSourceEntryId).getBytes(StandardCharsets.UTF_8));
  }

  private void apply(LedgerEntry entry) {
    Instant at = entry.hlc().instant();
    if (entry.points() > 0) {
      credit(entry, at);
      return;
    }
    long debit = -entry.points();
    if (entry.type() == EntryType.REVERSE && entry.reverses() != null) {
      debit = take(debit, entry.reverses(), at, true);
    } else if (entry.type() == EntryType.EXPIRE) {
      debit = takeExpiredFirst(debit, entry.id(), at);
    }
    debit = takeOldest(debit, at, false);
    deficit += debit;
  }

  private void credit(LedgerEntry entry, Instant at) {
    long points = entry.points();
    long paid = Math.min(points, deficit);
    deficit -= paid;
    lots.add(new Lot(entry, at, points, points - paid));
  }

  private long take(long debit, UUID sourceEntryId, Instant at, boolean expiredToo) {
    for (Lot lot : lots) {
      if (debit > 0 && lot.source.id().equals(sourceEntryId) && (expiredToo || !lot.expiredAt(at))) {
        debit -= lot.take(debit);
      }
    }
    return debit;
  }

  private long takeExpiredFirst(long debit, UUID expiryEntryId, Instant at) {
    for (Lot lot : lots) {
      if (debit > 0 && expiryId(lot.source.id()).equals(expiryEntryId)) {
        debit -= lot.take(debit);
      }
    }
    for (Lot lot : lots) {
      if (debit > 0 && lot.expiredAt(at)) {
        debit -= lot.take(debit);
      }
    }
    return debit;
  }

  private long takeOldest(long debit, Instant at, boolean expiredToo) {
    for (Lot lot : lots) {
      if (debit > 0 && (expiredToo || !lot.expiredAt(at))) {
        debit -= lot.take(debit);
      }
    }
    return debit;
  }

  private List<LedgerEntry> expire(Instant now) {
    List<LedgerEntry> due = new ArrayList<>();
    for (Lot lot : lots) {
      if (lot.remaining > 0 && lot.expiredAt(now)) {
        LedgerEntry source = lot.source;
        Instant at = lot.expiresAt;
        due.add(new LedgerEntry(expiryId(source.id()), source.cardNumber(), EntryType.EXPIRE, -lot.remaining, at,
            Hlc.of(at.toEpochMilli(), 0), source.storeId(), EXPIRY_TERMINAL, null, null, null, "expired"));
        lot.remaining = 0;
      }
    }
    return due;
  }

  /** A lot while deriving: its remaining points change as debits take from it. */
  private static final class Lot {
    final LedgerEntry source;
    final Instant creditedAt;
    final Instant expiresAt;
    final long credited;
    long remaining;

    Lot(LedgerEntry source, Instant creditedAt, long credited, long remaining) {
      this.source = source;
      this.creditedAt = creditedAt;
      this.expiresAt = source.expiresAt();
      this.credited = credited;
      this.remaining = remaining;
    }

    boolean expiredAt(Instant at) {
      return expiresAt != null && !expiresAt.isAfter(at);
    }

    long take(long wanted) {
      long taken = Math.min(wanted, remaining);
      remaining -= taken;
      return taken;
    }

    PointsLot toLot() {
      return new PointsLot(source.id(), creditedAt, credited, remaining, expiresAt);
    }
  }
}
