package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.server.loyalty.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MovementCacheTest {
  private static List<Movement> movements(long... points) {
    List<Movement> list = new ArrayList<>();
    for (long p : points) {
      list.add(new Movement(UUID.randomUUID(), list.size(), p < 0 ? EntryType.REDEEM : EntryType.EARN, p,
          new String("store-1"), new String("till-1"), null));
    }
    return list;
  }

  private static LedgerStore.Sums state(long balance, long negatives, long version) {
    return new LedgerStore.Sums(balance, negatives, null, version);
  }

  @Test
  void movementsAreAnsweredOnlyAtTheStateTheyWereLearnedAt() {
    MovementCache cache = new MovementCache(100);
    List<Movement> moves = movements(100, -30);
    cache.learn(Map.of("c1", MovementCache.Known.at(state(70, 1, 2), moves)));

    assertThat(cache.at("c1", state(70, 1, 2))).containsExactlyElementsOf(moves);
    assertThat(cache.at("c1", state(70, 1, 3))).as("another merge moved the card").isNull();
    assertThat(cache.at("c1", state(60, 1, 2))).as("same version, other balance").isNull();
    assertThat(cache.at("c1", state(70, 2, 2))).as("same version, other count below zero").isNull();
    assertThat(cache.at("c1", null)).as("no sums row").isNull();
    assertThat(cache.at("c2", state(70, 1, 2))).isNull();
  }

  @Test
  void aLaterStateIsNeverReplacedByAnEarlierOne() {
    MovementCache cache = new MovementCache(100);
    cache.learn(Map.of("c1", MovementCache.Known.at(state(100, 0, 5), movements(100))));
    cache.learn(Map.of("c1", MovementCache.Known.at(state(70, 1, 4), movements(100, -30))));

    assertThat(cache.at("c1", state(100, 0, 5))).hasSize(1);
    assertThat(cache.at("c1", state(70, 1, 4))).isNull();
  }

  @Test
  void theLeastRecentlyUsedCardsGoWhenTheMovementsPassTheBound() {
    MovementCache cache = new MovementCache(5);
    cache.learn(Map.of("c1", MovementCache.Known.at(state(3, 0, 1), movements(1, 1, 1))));
    cache.learn(Map.of("c2", MovementCache.Known.at(state(2, 0, 1), movements(1, 1))));
    assertThat(cache.at("c1", state(3, 0, 1))).isNotNull();

    cache.learn(Map.of("c3", MovementCache.Known.at(state(2, 0, 1), movements(1, 1))));

    assertThat(cache.at("c2", state(2, 0, 1))).as("least recently used").isNull();
    assertThat(cache.at("c1", state(3, 0, 1))).isNotNull();
    assertThat(cache.at("c3", state(2, 0, 1))).isNotNull();
    assertThat(cache.size()).isEqualTo(5);
  }

  @Test
  void aCardAboveTheWholeBoundIsNotKept() {
    MovementCache cache = new MovementCache(2);
    cache.learn(Map.of("c1", MovementCache.Known.at(state(3, 0, 1), movements(1, 1, 1))));

    assertThat(cache.at("c1", state(3, 0, 1))).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void keptMovementsShareOneInstanceOfEachStoreAndTerminal() {
    MovementCache cache = new MovementCache(100);
    List<Movement> shared = cache.shared(movements(1, 2, 3));

    assertThat(shared).extracting(Movement::terminalId).allSatisfy(t -> assertThat(t).isSameAs(shared.get(0).terminalId()));
    assertThat(shared).extracting(Movement::points).containsExactly(1L, 2L, 3L);
  }
}
