package dev.kassa.server.loyalty.store;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.loyalty.Movement;
import dev.kassa.server.loyalty.Overdraft;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.loyalty.WriteOffWalk;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link OverdraftPolicy#WRITE_OFF} for one member, inside the merge that walks it: its conflicts
 * become those of the {@link WriteOffWalk}, resolved by the policy, and an ADJUST entry on the
 * canonical card brings what the policy wrote off so far to what the walk says it should be.
 *
 * <p>Usually that is one entry per overdraft, written when the overspending redemption arrives. When
 * entries arrive late and out of clock order (an accrual made before the redemption, pushed after
 * it), the walk asks for less, or more, and the ledger being append-only, the difference is a new
 * entry, never an edit. The entry's id derives from the member and how many policy entries it has:
 * a replayed or duplicated batch finds nothing to add, and two servers sharing a database take the
 * member's card rows in turn, so the second sees the first's entry and adds none of its own.
 */
final class PolicyWriteOff {
  /** The tail of the member's walk ({@link WriteOffWalk.Result#tail}), and the entry made now, if any. */
  record Outcome(Long tail, Movement entry, LedgerStore.Sums sums) {}

  interface ConflictSink {
    void save(Connection c, Conflict conflict, List<ChangeLog.Entry> changes) throws SQLException;
  }

  private final LedgerStore ledger = new LedgerStore();

  Outcome apply(Connection c, String canonical, List<Movement> movements, List<Conflict> stored, Instant now,
      List<ChangeLog.Entry> changes, ConflictSink sink) throws SQLException {
    WriteOffWalk.Result walk = WriteOffWalk.walk(canonical, movements);
    Map<UUID, Conflict> existing = new HashMap<>();
    for (Conflict known : stored) {
      existing.put(known.id(), known);
    }
    for (Overdraft o : walk.overdrafts()) {
      Conflict known = existing.remove(o.conflictId());
      List<Conflict.Involved> involved = o.conflictInvolved();
      // an office user's resolution stands; any other state is the policy's to settle
      boolean byOffice = known != null && known.status() == Conflict.Status.RESOLVED
          && !OverdraftPolicy.RESOLVER.equals(known.resolvedBy());
      boolean keepTimes = known != null && known.status() == Conflict.Status.RESOLVED;
      Conflict updated = new Conflict(o.conflictId(), canonical, o.trigger().entryId(), o.deficit(), involved,
          Conflict.Status.RESOLVED, known == null ? now : known.detectedAt(), keepTimes ? known.resolvedAt() : now,
          byOffice ? known.resolvedBy() : OverdraftPolicy.RESOLVER,
          byOffice ? known.resolution() : "written off " + o.deficit() + " points at once by the overdraft policy");
      if (!updated.equals(known)) {
        sink.save(c, updated, changes);
      }
    }
    for (Conflict gone : existing.values()) {
      if (gone.status() == Conflict.Status.OPEN || OverdraftPolicy.RESOLVER.equals(gone.resolvedBy())) {
        sink.save(c, new Conflict(gone.id(), gone.cardNumber(), gone.triggerEntry(), gone.deficit(), gone.involved(),
            Conflict.Status.RETRACTED, gone.detectedAt(), now, null, "later entries show no overdraft"), changes);
      }
    }
    long already = 0;
    int count = 0;
    long latest = 0;
    for (Movement m : movements) {
      if (OverdraftPolicy.madeByPolicy(m)) {
        already = Math.addExact(already, m.points());
        count++;
      }
      latest = Math.max(latest, m.hlc());
    }
    long missing = walk.writtenOff() - already;
    if (missing == 0) {
      return new Outcome(walk.tail(), null, null);
    }
    // just after the last overspending redemption, so the terminals' ledgers net it there
    long at = walk.overdrafts().isEmpty() ? latest
        : walk.overdrafts().get(walk.overdrafts().size() - 1).trigger().hlc();
    UUID id = UUID.nameUUIDFromBytes(("overdraft-write-off:" + canonical + ":" + count)
        .getBytes(StandardCharsets.UTF_8));
    LedgerEntry entry = new LedgerEntry(id, canonical, EntryType.ADJUST, missing, now, new Hlc(at + 1),
        OverdraftPolicy.STORE, OverdraftPolicy.TERMINAL, null, null, null,
        "overdraft policy WRITE_OFF: " + walk.writtenOff() + " points written off in all");
    if (ledger.insertAbsent(c, List.of(new LedgerStore.Row(id, entry))).isEmpty()) {
      return new Outcome(walk.tail(), null, null);
    }
    LedgerStore.Sums sums = ledger.addToBalances(c,
        Map.of(canonical, new LedgerStore.Delta(missing, missing < 0 ? 1 : 0, null)), now.toEpochMilli()).get(canonical);
    return new Outcome(walk.tail(), new Movement(id, at + 1, EntryType.ADJUST, missing, OverdraftPolicy.STORE,
        OverdraftPolicy.TERMINAL, null), sums);
  }
}
