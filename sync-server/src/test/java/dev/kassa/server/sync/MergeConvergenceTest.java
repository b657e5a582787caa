package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.EventResult.Outcome;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.loyalty.store.LedgerStore;
import dev.kassa.server.loyalty.store.LinePointsCheck;
import dev.kassa.server.loyalty.store.LoyaltyMerge;
import dev.kassa.server.loyalty.store.MemberStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The merge is a union: the same events pushed in order, or shuffled, split differently, with
 * whole batches repeated, leave identical state (events, sales, ledger, balances, conflicts and the
 * stores they concern, points mismatches, members, journal heads and forks, each feed entity's
 * latest version), under either overdraft policy. Expiry lots are not compared: they are not
 * stored, but derived from the ledger entries, which are.
 */
class MergeConvergenceTest {
  private static final Instant PUBLISHED_AT = Events.T0.plusSeconds(86_400);

  static Map<Events, List<SyncEvent>> world(long seed) {
    return OfflineWorld.of(seed);
  }

  /** The cards feed as both servers publish it at the same instant, so their entities compare. */
  private static List<String> stateOf(SyncFixture server) throws Exception {
    server.loyalty().publishCards(PUBLISHED_AT);
    return server.policy == OverdraftPolicy.NET ? server.state() : server.stateUpToPolicyEntries();
  }

  private static void pushInOrder(SyncFixture server, Map<Events, List<SyncEvent>> world) {
    for (Map.Entry<Events, List<SyncEvent>> e : world.entrySet()) {
      PushResponse response = server.push(e.getKey(), e.getValue());
      assertThat(response.results()).extracting(r -> r.outcome()).containsOnly(Outcome.ACCEPTED);
    }
  }

  private static void pushShuffledWithRetries(SyncFixture server, Map<Events, List<SyncEvent>> world, Random random) {
    List<Map.Entry<Events, List<SyncEvent>>> batches = new ArrayList<>();
    for (Map.Entry<Events, List<SyncEvent>> e : world.entrySet()) {
      List<SyncEvent> events = new ArrayList<>(e.getValue());
      Collections.shuffle(events, random);
      for (int from = 0; from < events.size(); ) {
        int size = 1 + random.nextInt(15);
        List<SyncEvent> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + size)));
        if (random.nextBoolean()) {
          batch.add(batch.get(random.nextInt(batch.size())));
        }
        batches.add(Map.entry(e.getKey(), batch));
        from += size;
      }
    }
    List<Map.Entry<Events, List<SyncEvent>>> withRetries = new ArrayList<>(batches);
    for (int i = 0; i < batches.size() / 3; i++) {
      withRetries.add(batches.get(random.nextInt(batches.size())));
    }
    Collections.shuffle(withRetries, random);
    for (Map.Entry<Events, List<SyncEvent>> batch : withRetries) {
      PushResponse response = server.push(batch.getKey(), batch.getValue());
      assertThat(response.results()).extracting(r -> r.outcome()).doesNotContain(Outcome.REJECTED);
    }
  }

  @ParameterizedTest
  @CsvSource({"SQLITE, 1", "SQLITE, 2", "SQLITE, 3", "POSTGRESQL, 1", "POSTGRESQL, 2", "POSTGRESQL, 3"})
  void shufflingSplittingAndRepeatingBatchesGivesTheSameState(Engine engine, long seed) throws Exception {
    Map<Events, List<SyncEvent>> world = world(seed);
    try (SyncFixture ordered = new SyncFixture(engine); SyncFixture shuffled = new SyncFixture(engine)) {
      pushInOrder(ordered, world);
      pushShuffledWithRetries(shuffled, world, new Random(seed));

      List<String> expected = stateOf(ordered);
      assertThat(stateOf(shuffled)).containsExactlyElementsOf(expected);
      assertThat(expected).anyMatch(row -> row.startsWith("loyalty_conflicts"));
      assertThat(expected).anyMatch(row -> row.startsWith("points_mismatches"));
      assertThat(expected).anyMatch(row -> row.startsWith("ledger_entries") && row.contains("|REVERSE|"));
      assertThat(expected).anyMatch(row -> row.startsWith("feed_latest|cards|card|"));
      assertThat(expected).anyMatch(row -> row.startsWith("feed_latest|conflicts|conflict|"));
      assertThat(expected).anyMatch(row -> row.startsWith("card_aliases") && !row.contains("|new-1-"));
      assertThat(ordered.scalar("SELECT COUNT(*) FROM journal_heads WHERE max_seq > contiguous_seq")).isZero();
    }
  }

  /**
   * Under WRITE_OFF a redemption pushed before the accrual it was made after is written off, and
   * taken back by a second entry when the accrual arrives: the entries differ with the order, what
   * they add up to, the conflicts and every other table do not.
   */
  @ParameterizedTest
  @CsvSource({"SQLITE, 1", "SQLITE, 2", "POSTGRESQL, 1", "POSTGRESQL, 2"})
  void underTheWriteOffPolicyShufflingSplittingAndRepeatingBatchesGivesTheSameState(Engine engine, long seed)
      throws Exception {
    Map<Events, List<SyncEvent>> world = world(seed);
    try (SyncFixture ordered = new SyncFixture(engine, OverdraftPolicy.WRITE_OFF);
         SyncFixture shuffled = new SyncFixture(engine, OverdraftPolicy.WRITE_OFF)) {
      pushInOrder(ordered, world);
      pushShuffledWithRetries(shuffled, world, new Random(seed));

      List<String> expected = stateOf(ordered);
      assertThat(stateOf(shuffled)).containsExactlyElementsOf(expected);
      assertThat(expected).anyMatch(row -> row.startsWith("loyalty_conflicts") && row.contains("|RESOLVED|"
          + OverdraftPolicy.RESOLVER + "|"));
      assertThat(shuffled.scalar("SELECT COUNT(*) FROM ledger_entries WHERE terminal_id = '"
          + OverdraftPolicy.TERMINAL + "' AND points < 0")).as("write-offs taken back").isPositive();
    }
  }

  /**
   * Two servers on one database, taking the batches in random turns: each keeps the movements of the
   * cards it merged ({@code MovementCache}), and the other moves those cards meanwhile, so a server
   * that walked a card from what it kept instead of what is stored would find other overdrafts.
   */
  @ParameterizedTest
  @CsvSource({"SQLITE, 9, NET", "SQLITE, 10, NET", "POSTGRESQL, 11, NET", "SQLITE, 12, WRITE_OFF",
      "POSTGRESQL, 13, WRITE_OFF"})
  void twoServersTakingTurnsOnOneDatabaseLeaveTheStateOfOne(Engine engine, long seed, OverdraftPolicy policy)
      throws Exception {
    Map<Events, List<SyncEvent>> world = world(seed);
    try (SyncFixture ordered = new SyncFixture(engine, policy); SyncFixture first = new SyncFixture(engine, policy)) {
      pushInOrder(ordered, world);
      SyncFixture second = new SyncFixture(first.db, policy);
      Random random = new Random(seed);
      SyncFixture[] servers = {first, second};
      for (Map.Entry<Events, List<SyncEvent>> e : world.entrySet()) {
        List<SyncEvent> events = e.getValue();
        for (int from = 0; from < events.size(); ) {
          int size = 1 + random.nextInt(6);
          PushResponse response = servers[random.nextInt(2)].push(e.getKey(),
              events.subList(from, Math.min(events.size(), from + size)));
          assertThat(response.results()).extracting(r -> r.outcome()).containsOnly(Outcome.ACCEPTED);
          from += size;
        }
      }

      List<String> expected = stateOf(ordered);
      assertThat(stateOf(first)).containsExactlyElementsOf(expected);
      assertThat(expected).anyMatch(row -> row.startsWith("loyalty_conflicts"));
    }
  }

  /** The merge skips a card's overdraft walk while its tail holds: what it stored is what a full walk finds. */
  @ParameterizedTest
  @CsvSource({"SQLITE, 6", "SQLITE, 7", "POSTGRESQL, 8"})
  void theConflictsLeftByShortcutMergesAreThoseOfAFullWalk(Engine engine, long seed) throws Exception {
    Map<Events, List<SyncEvent>> world = world(seed);
    try (SyncFixture server = new SyncFixture(engine)) {
      pushShuffledWithRetries(server, world, new Random(seed));

      List<ChangeLog.Entry> changes = server.db.inTransaction(c -> {
        MemberStore members = new MemberStore();
        LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), server.feed);
        List<String> cards = new ArrayList<>(new LedgerStore().allBalances(c).keySet());
        Map<String, Set<String>> groups = members.cardsOfAll(c, new TreeSet<>(members.canonicalCards(c, cards).values()));
        List<ChangeLog.Entry> found = new ArrayList<>();
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
          merge.recomputeConflicts(c, group.getKey(), group.getValue(), Instant.now(), found);
        }
        return found;
      });
      assertThat(server.scalar("SELECT COUNT(*) FROM loyalty_conflicts")).isPositive();
      assertThat(server.scalar("SELECT COUNT(*) FROM card_balances WHERE walk_tail IS NOT NULL")).isPositive();
      assertThat(changes).isEmpty();
    }
  }
}
