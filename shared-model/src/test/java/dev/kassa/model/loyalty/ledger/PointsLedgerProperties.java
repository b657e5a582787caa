package dev.kassa.model.loyalty.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.PointsLot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PointsLedgerProperties {

  @Property(tries = 300)
  void withoutExpiryTheBalanceIsTheSumOfTheEntriesInAnyOrder(@ForAll("entries") List<LedgerEntry> entries,
      @ForAll long seed) {
    List<LedgerEntry> neverExpiring = new ArrayList<>();
    long sum = 0;
    for (LedgerEntry e : entries) {
      LedgerEntry plain = new LedgerEntry(e.id(), e.cardNumber(), e.type(), e.points(), e.at(), e.hlc(), e.storeId(),
          e.terminalId(), null, e.reverses(), null, e.reason());
      neverExpiring.add(plain);
      sum += plain.points();
    }
    Collections.shuffle(neverExpiring, new Random(seed));

    LedgerState state = PointsLedger.derive(neverExpiring, Entries.day(1000));

    assertThat(state.balance()).isEqualTo(sum);
    assertThat(state.dueExpiries()).isEmpty();
  }

  @Property(tries = 300)
  void theStateDoesNotDependOnTheOrderEntriesArriveIn(@ForAll("entries") List<LedgerEntry> entries, @ForAll long seed,
      @ForAll("days") int now) {
    LedgerState inOrder = PointsLedger.derive(entries, Entries.day(now));
    List<LedgerEntry> shuffled = new ArrayList<>(entries);
    Collections.shuffle(shuffled, new Random(seed));
    if (!shuffled.isEmpty()) {
      shuffled.add(shuffled.get(0)); // and a duplicate delivery
    }

    LedgerState state = PointsLedger.derive(shuffled, Entries.day(now));

    assertThat(state).isEqualTo(inOrder);
    long sum = 0;
    for (LedgerEntry e : entries) {
      sum += e.points();
    }
    for (LedgerEntry e : state.dueExpiries()) {
      sum += e.points();
    }
    assertThat(state.balance()).isEqualTo(sum);
    long lots = 0;
    for (PointsLot lot : state.lots()) {
      assertThat(lot.remaining()).isPositive();
      lots += lot.remaining();
    }
    assertThat(state.balance()).isEqualTo(lots - state.deficit());
    assertThat(state.deficit()).isNotNegative();
  }

  @Provide
  Arbitrary<Integer> days() {
    return Arbitraries.integers().between(0, 800);
  }

  @Provide
  Arbitrary<List<LedgerEntry>> entries() {
    Arbitrary<int[]> specs = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(1, 500), Arbitraries.integers().between(0, 700),
        Arbitraries.of(0, 30, 365)).as((kind, points, day, expiry) -> new int[] {kind, points, day, expiry});
    return specs.list().ofMaxSize(30).map(list -> {
      List<LedgerEntry> entries = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        int[] s = list.get(i);
        entries.add(switch (s[0]) {
          case 0, 1 -> Entries.credit(i + 1, EntryType.EARN, s[1], s[2], s[3]);
          case 2 -> Entries.credit(i + 1, EntryType.BONUS, s[1], s[2], s[3]);
          case 3 -> Entries.debit(i + 1, EntryType.REDEEM, s[1], s[2]);
          case 4 -> Entries.debit(i + 1, EntryType.ADJUST, s[1], s[2]);
          default -> i == 0 ? Entries.debit(i + 1, EntryType.EXPIRE, s[1], s[2])
              : Entries.reverse(i + 1, -s[1], s[2], Entries.id(i));
        });
      }
      return entries;
    });
  }
}
