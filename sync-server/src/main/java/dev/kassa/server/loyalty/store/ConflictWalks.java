package dev.kassa.server.loyalty.store;

import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.loyalty.Movement;
import dev.kassa.server.loyalty.Overdraft;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.loyalty.OverdraftWalk;
import dev.kassa.server.loyalty.WalkTail;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Re-derives members' overdraft conflicts from all their entries, in hybrid-clock order, under the
 * configured {@link OverdraftPolicy}. Under NET, new episodes become OPEN conflicts, episodes that
 * later entries erased are RETRACTED, and resolved ones keep their resolution; under WRITE_OFF the
 * {@link PolicyWriteOff} settles them and adds its entries in the same walk. Each saved conflict goes
 * to the conflicts feed of every store it concerns.
 */
final class ConflictWalks {
  /** Reads every entry of the given cards as stored, by card (an empty list for a card without any). */
  interface EntryReader {
    Map<String, List<Movement>> read(Connection c, Collection<String> cards) throws SQLException;
  }

  /**
   * A walk's outcome: the exact {@link WalkTail} of each member that is one card, every walked card's
   * movements, and the sums rows the policy's own entries moved.
   */
  record Walked(Map<String, Long> tails, Map<String, List<Movement>> movements,
      Map<String, LedgerStore.Sums> written) {}

  private final ConflictStore conflicts = new ConflictStore();
  private final PolicyWriteOff writeOff = new PolicyWriteOff();
  private final OverdraftPolicy policy;
  private final EntryReader entries;

  ConflictWalks(OverdraftPolicy policy, EntryReader entries) {
    this.policy = policy;
    this.entries = entries;
  }

  /**
   * Walks several members (by canonical card), reading their entries and conflicts in a few queries;
   * a card in {@code current} has the movements given there (all of its entries now), the others
   * are read.
   */
  Walked walk(Connection c, Map<String, Set<String>> members, Map<String, List<Movement>> current, Instant now,
      List<ChangeLog.Entry> changes) throws SQLException {
    Map<String, Long> tails = new HashMap<>();
    if (members.isEmpty()) {
      return new Walked(tails, Map.of(), Map.of());
    }
    Map<String, String> canonicalOf = new HashMap<>();
    members.forEach((canonical, cards) -> cards.forEach(card -> canonicalOf.put(card, canonical)));
    Map<String, List<Movement>> byCard = entries.read(c,
        canonicalOf.keySet().stream().filter(card -> !current.containsKey(card)).toList());
    canonicalOf.keySet().stream().filter(current::containsKey).forEach(card -> byCard.put(card, current.get(card)));
    Map<String, List<Conflict>> known = new HashMap<>();
    for (List<String> chunk : Sql.chunks(new ArrayList<>(new TreeSet<>(canonicalOf.keySet())), 500)) {
      for (Conflict conflict : conflicts.forCards(c, chunk)) {
        known.computeIfAbsent(canonicalOf.get(conflict.cardNumber()), k -> new ArrayList<>()).add(conflict);
      }
    }
    Map<String, LedgerStore.Sums> written = new HashMap<>();
    for (Map.Entry<String, Set<String>> member : members.entrySet()) {
      List<Movement> movements = new ArrayList<>();
      member.getValue().forEach(card -> movements.addAll(byCard.getOrDefault(card, List.of())));
      List<Conflict> stored = known.getOrDefault(member.getKey(), List.of());
      if (policy == OverdraftPolicy.NET) {
        applyWalk(c, member.getKey(), movements, stored, now, changes);
        if (member.getValue().size() == 1) {
          tails.put(member.getKey(), WalkTail.of(movements));
        }
        continue;
      }
      PolicyWriteOff.Outcome outcome = writeOff.apply(c, member.getKey(), movements, stored, now, changes, this::save);
      if (outcome.entry() != null) {
        List<Movement> withEntry = new ArrayList<>(byCard.getOrDefault(member.getKey(), List.of()));
        withEntry.add(outcome.entry());
        byCard.put(member.getKey(), withEntry);
        written.put(member.getKey(), outcome.sums());
      }
      if (member.getValue().size() == 1) {
        tails.put(member.getKey(), outcome.tail());
      }
    }
    return new Walked(tails, byCard, written);
  }

  private void applyWalk(Connection c, String canonical, List<Movement> movements, List<Conflict> stored,
      Instant now, List<ChangeLog.Entry> changes) throws SQLException {
    Map<UUID, Overdraft> found = new HashMap<>();
    for (Overdraft o : OverdraftWalk.overdrafts(canonical, movements)) {
      found.put(o.conflictId(), o);
    }
    Map<UUID, Conflict> existing = new HashMap<>();
    for (Conflict known : stored) {
      existing.put(known.id(), known);
    }
    for (Overdraft o : found.values()) {
      Conflict known = existing.remove(o.conflictId());
      List<Conflict.Involved> involved = o.conflictInvolved();
      // a retracted episode that later entries bring back is open again, without the retraction's note
      Conflict kept = known == null || known.status() == Conflict.Status.RETRACTED ? null : known;
      Conflict.Status status = kept == null ? Conflict.Status.OPEN : kept.status();
      Conflict updated = new Conflict(o.conflictId(), canonical, o.trigger().entryId(), o.deficit(), involved, status,
          known == null ? now : known.detectedAt(), kept == null ? null : kept.resolvedAt(),
          kept == null ? null : kept.resolvedBy(), kept == null ? null : kept.resolution());
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

  /**
   * Stores a conflict and adds it to {@code changes} for the conflicts feed of every store it
   * concerns; a store it no longer concerns gets its removal.
   */
  void save(Connection c, Conflict conflict, List<ChangeLog.Entry> changes) throws SQLException {
    List<String> before = conflicts.stores(c, conflict.id());
    conflicts.upsert(c, conflict);
    List<String> now = conflicts.stores(c, conflict.id());
    for (String store : now) {
      changes.add(new ChangeLog.Entry(Stream.CONFLICTS, store, "conflict", conflict.id().toString(),
          conflict.status() == Conflict.Status.RETRACTED ? null : SyncCodec.toTree(conflict)));
    }
    for (String store : before) {
      if (!now.contains(store)) {
        changes.add(new ChangeLog.Entry(Stream.CONFLICTS, store, "conflict", conflict.id().toString(), null));
      }
    }
  }
}
