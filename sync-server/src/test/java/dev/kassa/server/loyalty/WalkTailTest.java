package dev.kassa.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The shortcut of the merge (skip the walk while the card's tail survives the batch) against the
 * full walk after every batch, on random histories arriving in random batches and orders.
 */
class WalkTailTest {
  private long nextId;

  private Movement m(long hlc, EntryType type, long points) {
    return new Movement(new UUID(hlc, ++nextId), hlc, type, points, "store-1", "t1", null);
  }

  @Test
  void aCardThatNeverWentNegativeHasTheSmallestTailAndOneEndingNegativeHasNone() {
    assertThat(WalkTail.of(List.of(m(1, EntryType.EARN, 10), m(2, EntryType.REDEEM, -10)))).isEqualTo(Long.MIN_VALUE);
    assertThat(WalkTail.of(List.of(m(1, EntryType.EARN, 10), m(2, EntryType.REDEEM, -11)))).isNull();
    assertThat(WalkTail.of(List.of(m(1, EntryType.REDEEM, -5), m(4, EntryType.EARN, 10), m(9, EntryType.EARN, 1))))
        .isEqualTo(4);
  }

  @Test
  void onlyLaterAccrualsKeepTheTail() {
    assertThat(WalkTail.afterAdding(4L, true, WalkTail.offered(List.of(m(5, EntryType.EARN, 3))))).isEqualTo(4);
    assertThat(WalkTail.afterAdding(4L, true, WalkTail.offered(List.of(m(4, EntryType.EARN, 3))))).isNull();
    assertThat(WalkTail.afterAdding(4L, true, WalkTail.offered(List.of(m(5, EntryType.REDEEM, -1))))).isNull();
    assertThat(WalkTail.afterAdding(4L, true, WalkTail.offered(List.of(m(5, EntryType.ADJUST, -1))))).isNull();
    assertThat(WalkTail.afterAdding(null, true, WalkTail.offered(List.of(m(5, EntryType.EARN, 3))))).isNull();
    assertThat(WalkTail.afterAdding(null, false, WalkTail.offered(List.of(m(5, EntryType.EARN, 3))))).isEqualTo(5);
  }

  @Property(tries = 300)
  void skippingTheWalkWhileTheTailHoldsFindsWhatTheFullWalkFinds(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Random random = new Random(seed);
    List<Movement> entries = new ArrayList<>();
    List<Overdraft> stored = List.of();
    Long tail = null;
    for (int batch = 0; batch < 40; batch++) {
      List<Movement> added = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        long hlc = random.nextInt(120);
        added.add(switch (random.nextInt(10)) {
          case 0, 1 -> m(hlc, EntryType.REDEEM, -1 - random.nextInt(80));
          case 2 -> m(hlc, EntryType.ADJUST, -1 - random.nextInt(30));
          default -> m(hlc, EntryType.EARN, random.nextInt(40));
        });
      }
      boolean hadEntries = !entries.isEmpty();
      entries.addAll(added);
      tail = WalkTail.afterAdding(tail, hadEntries, WalkTail.offered(added));
      List<Overdraft> full = OverdraftWalk.overdrafts("card", entries);
      if (tail != null) {
        assertThat(full).as("walk after a skipped batch").isEqualTo(stored);
        assertThat(isTail(tail, entries)).isTrue();
      } else {
        stored = full;
        tail = WalkTail.of(entries);
      }
      if (tail != null) {
        assertThat(isTail(tail, entries)).isTrue();
      }
    }
  }

  /** By definition: the balance after the last entry at or before {@code t}, and after every later entry, is not negative. */
  private static boolean isTail(long t, List<Movement> entries) {
    List<Movement> sorted = new ArrayList<>(entries);
    sorted.sort(Movement.HLC_ORDER);
    long balance = 0;
    long atCut = 0;
    for (Movement m : sorted) {
      balance += m.points();
      if (m.hlc() <= t) {
        atCut = balance;
      } else if (balance < 0) {
        return false;
      }
    }
    return atCut >= 0;
  }
}
