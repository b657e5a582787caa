package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.EventResult.Outcome;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.feed.store.ChangeLog;
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
 * whole batches repeated, leave identical state (events, sales, ledger, balances, conflicts,
 * members, journal heads and forks).
 */
class MergeConvergenceTest {

  /** Three terminals' offline work on shared cards: sales earning points, redemptions that overspend, enrolments. */
  static Map<Events, List<SyncEvent>> world(long seed) {
    Random random = new Random(seed);
    Map<Events, List<SyncEvent>> world = new LinkedHashMap<>();
    for (int t = 1; t <= 3; t++) {
      Events terminal = new Events("store-" + (t == 3 ? 2 : 1), "till-" + t);
      List<SyncEvent> events = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String card = "card-" + random.nextInt(6);
        long at = random.nextInt(100_000);
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            long earned = 1 + random.nextInt(50);
            SyncEvent sale = terminal.sale(card, earned);
            events.add(sale);
            events.add(terminal.entry(card, EntryType.EARN, earned, at, sale.id()));
          }
          case 2 -> events.add(terminal.entry(card, EntryType.REDEEM, -1 - random.nextInt(60), at, UUID.randomUUID()));
          default -> events.add(terminal.enrol("new-" + t + "-" + i, "+7900000000" + random.nextInt(4), at));
        }
      }
      world.put(terminal, events);
    }
    return world;
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
  @CsvSource({"SQLITE, 1", "SQLITE, 2", "SQLITE, 3", "POSTGRESQL, 4", "POSTGRESQL, 5"})
  void shufflingSplittingAndRepeatingBatchesGivesTheSameState(Engine engine, long seed) throws Exception {
    Map<Events, List<SyncEvent>> world = world(seed);
    try (SyncFixture ordered = new SyncFixture(engine); SyncFixture shuffled = new SyncFixture(engine)) {
      pushInOrder(ordered, world);
      pushShuffledWithRetries(shuffled, world, new Random(seed));

      List<String> expected = ordered.state();
      assertThat(shuffled.state()).containsExactlyElementsOf(expected);
      assertThat(expected).anyMatch(row -> row.startsWith("loyalty_conflicts"));
      assertThat(expected).anyMatch(row -> row.startsWith("card_aliases") && !row.contains("|new-1-"));
      assertThat(ordered.scalar("SELECT COUNT(*) FROM journal_heads WHERE max_seq > contiguous_seq")).isZero();
    }
  }

  /**
   * Two servers on one database, taking the batches in random turns: each keeps the movements of the
   * cards it merged ({@code MovementCache}), and the other moves those cards meanwhile, so a server
   * that walked a card from what it kept instead of what is stored would find other overdrafts.
   */
  @ParameterizedTest
  @CsvSource({"SQLITE, 9", "SQLITE, 10", "POSTGRESQL, 11"})
  void twoServersTakingTurnsOnOneDatabaseLeaveTheStateOfOne(Engine engine, long seed) throws Exception {
    Map<Events, List<SyncEvent>> world = world(seed);
    try (SyncFixture ordered = new SyncFixture(engine); SyncFixture first = new SyncFixture(engine)) {
      pushInOrder(ordered, world);
      SyncFixture second = new SyncFixture(first.db);
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

      List<String> expected = ordered.state();
      assertThat(first.state()).containsExactlyElementsOf(expected);
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
