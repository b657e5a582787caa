package dev.kassa.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OverdraftWalkTest {

  private static long nextId;

  private static Movement m(long hlc, EntryType type, long points, String terminal) {
    return new Movement(new UUID(hlc, ++nextId), hlc, type, points, "store-1", terminal, null);
  }

  @Test
  void twoTerminalsSpendingTheSamePointsMakeOneConflictNamingBoth() {
    Movement earn = m(1, EntryType.EARN, 150, "t1");
    Movement a = m(2, EntryType.REDEEM, -100, "t1");
    Movement b = m(3, EntryType.REDEEM, -100, "t2");

    List<Overdraft> found = OverdraftWalk.overdrafts("card", List.of(b, earn, a));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).trigger()).isEqualTo(b);
    assertThat(found.get(0).involved()).containsExactly(a, b);
    assertThat(found.get(0).deficit()).isEqualTo(50);
  }

  @Test
  void redemptionsWithinTheBalanceAreNoConflict() {
    assertThat(OverdraftWalk.overdrafts("card", List.of(
        m(1, EntryType.EARN, 100, "t1"), m(2, EntryType.REDEEM, -60, "t1"), m(3, EntryType.REDEEM, -40, "t2"))))
        .isEmpty();
  }

  @Test
  void anAccrualAfterTheOverdraftNetsItAndClosesTheEpisode() {
    List<Overdraft> found = OverdraftWalk.overdrafts("card", List.of(
        m(1, EntryType.EARN, 50, "t1"), m(2, EntryType.REDEEM, -80, "t1"), m(3, EntryType.EARN, 40, "t2"),
        m(4, EntryType.REDEEM, -5, "t2"), m(5, EntryType.EARN, 100, "t1"), m(6, EntryType.REDEEM, -200, "t2")));

    assertThat(found).hasSize(2);
    assertThat(found.get(0).deficit()).isEqualTo(30);
    assertThat(found.get(1).trigger().hlc()).isEqualTo(6);
  }

  @Test
  void aReturnReversingSpentPointsIsNotARedemptionConflict() {
    assertThat(OverdraftWalk.overdrafts("card", List.of(
        m(1, EntryType.EARN, 50, "t1"), m(2, EntryType.REDEEM, -50, "t1"), m(3, EntryType.REVERSE, -50, "t1"))))
        .isEmpty();
  }

  @Property(tries = 200)
  void theConflictsDependOnTheSetOfEntriesNotOnTheirOrder(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
    Random random = new Random(seed);
    List<Movement> movements = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean earn = random.nextInt(3) == 0;
      movements.add(m(random.nextInt(20), earn ? EntryType.EARN : EntryType.REDEEM,
          earn ? 1 + random.nextInt(100) : -1 - random.nextInt(60), "t" + random.nextInt(3)));
    }
    List<Movement> shuffled = new ArrayList<>(movements);
    Collections.shuffle(shuffled, random);

    assertThat(OverdraftWalk.overdrafts("card", shuffled)).isEqualTo(OverdraftWalk.overdrafts("card", movements));
  }
}
