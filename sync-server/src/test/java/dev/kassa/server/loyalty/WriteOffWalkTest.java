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

class WriteOffWalkTest {

  private static long nextId;

  private static Movement m(long hlc, EntryType type, long points, String terminal) {
    return new Movement(new UUID(hlc, ++nextId), hlc, type, points, "store-1", terminal, null);
  }

  @Test
  void twoTerminalsSpendingTheSamePointsHaveTheOverspentPartWrittenOff() {
    Movement earn = m(1, EntryType.EARN, 150, "t1");
    Movement a = m(2, EntryType.REDEEM, -100, "t1");
    Movement b = m(3, EntryType.REDEEM, -100, "t2");

    WriteOffWalk.Result walk = WriteOffWalk.walk("card", List.of(b, earn, a));

    assertThat(walk.overdrafts()).hasSize(1);
    assertThat(walk.overdrafts().get(0).trigger()).isEqualTo(b);
    assertThat(walk.overdrafts().get(0).involved()).containsExactly(a, b);
    assertThat(walk.overdrafts().get(0).deficit()).isEqualTo(50);
    assertThat(walk.writtenOff()).isEqualTo(50);
  }

  @Test
  void aRedemptionAfterAWriteOffSpendsFromZeroNotFromTheOldDeficit() {
    List<Movement> movements = List.of(m(1, EntryType.EARN, 100, "t1"), m(2, EntryType.REDEEM, -150, "t1"),
        m(3, EntryType.EARN, 60, "t2"), m(4, EntryType.REDEEM, -40, "t2"));

    WriteOffWalk.Result walk = WriteOffWalk.walk("card", movements);

    // netting would carry -50 and see the second redemption overdraw again
    assertThat(OverdraftWalk.overdrafts("card", movements)).hasSize(2);
    assertThat(walk.overdrafts()).hasSize(1);
    assertThat(walk.writtenOff()).isEqualTo(50);
  }

  @Test
  void eachRedemptionThatOverspendsIsAConflictOfItsOwn() {
    WriteOffWalk.Result walk = WriteOffWalk.walk("card", List.of(m(1, EntryType.EARN, 10, "t1"),
        m(2, EntryType.REDEEM, -30, "t1"), m(3, EntryType.REDEEM, -5, "t2")));

    assertThat(walk.overdrafts()).extracting(Overdraft::deficit).containsExactly(20L, 5L);
    assertThat(walk.writtenOff()).isEqualTo(25);
  }

  @Test
  void whatAReturnTookBackIsNotWrittenOffOnlyWhatARedemptionOverspent() {
    WriteOffWalk.Result walk = WriteOffWalk.walk("card", List.of(m(1, EntryType.EARN, 50, "t1"),
        m(2, EntryType.REDEEM, -50, "t1"), m(3, EntryType.REVERSE, -30, "t1"), m(4, EntryType.REDEEM, -10, "t2")));

    assertThat(walk.overdrafts()).extracting(Overdraft::deficit).containsExactly(10L);
    assertThat(walk.tail()).isNull();
  }

  @Test
  void thePolicysOwnEntriesAreLeftOutOfItsWalk() {
    List<Movement> movements = new ArrayList<>(List.of(m(1, EntryType.EARN, 10, "t1"),
        m(2, EntryType.REDEEM, -30, "t1")));
    WriteOffWalk.Result before = WriteOffWalk.walk("card", movements);
    movements.add(new Movement(UUID.randomUUID(), 3, EntryType.ADJUST, 20, OverdraftPolicy.STORE,
        OverdraftPolicy.TERMINAL, null));

    assertThat(WriteOffWalk.walk("card", movements)).isEqualTo(before);
  }

  /** The merge skips a card's walk when a batch only adds points after its tail: that must change nothing. */
  @Property(tries = 300)
  void entriesAddingPointsAfterTheTailChangeNoWriteOff(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Random random = new Random(seed);
    List<Movement> movements = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      int kind = random.nextInt(5);
      EntryType type = kind < 2 ? EntryType.EARN : kind < 4 ? EntryType.REDEEM : EntryType.REVERSE;
      long points = type == EntryType.EARN ? 1 + random.nextInt(80) : -1 - random.nextInt(60);
      movements.add(m(random.nextInt(40), type, points, "t" + random.nextInt(3)));
    }
    WriteOffWalk.Result walk = WriteOffWalk.walk("card", movements);
    if (walk.tail() == null) {
      return;
    }
    List<Movement> grown = new ArrayList<>(movements);
    for (int i = 0; i < 3; i++) {
      long after = walk.tail() == Long.MIN_VALUE ? 0 : walk.tail() + 1;
      grown.add(m(after + random.nextInt(10), EntryType.EARN, 1 + random.nextInt(50), "t9"));
    }

    WriteOffWalk.Result again = WriteOffWalk.walk("card", grown);
    assertThat(again.overdrafts()).isEqualTo(walk.overdrafts());
    assertThat(again.writtenOff()).isEqualTo(walk.writtenOff());
  }
}
