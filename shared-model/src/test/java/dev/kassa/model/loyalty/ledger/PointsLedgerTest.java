package dev.kassa.model.loyalty.ledger;

import static dev.kassa.model.ledger.EntryType.BONUS;
import static dev.kassa.model.ledger.EntryType.EARN;
import static dev.kassa.model.ledger.EntryType.EXPIRE;
import static dev.kassa.model.ledger.EntryType.REDEEM;
import static dev.kassa.model.loyalty.ledger.Entries.credit;
import static dev.kassa.model.loyalty.ledger.Entries.day;
import static dev.kassa.model.loyalty.ledger.Entries.debit;
import static dev.kassa.model.loyalty.ledger.Entries.id;
import static dev.kassa.model.loyalty.ledger.Entries.reverse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.PointsLot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsLedgerTest {

  @Test
  void spendsTheOldestPointsFirst() {
    LedgerState state = PointsLedger.derive(List.of(
        credit(1, EARN, 100, 0, 365), credit(2, BONUS, 50, 10, 365), debit(3, REDEEM, 120, 20)), day(30));

    assertThat(state.balance()).isEqualTo(30);
    assertThat(state.lots()).extracting(PointsLot::sourceEntryId, PointsLot::remaining)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(id(2), 30L));
    assertThat(state.dueExpiries()).isEmpty();
  }

  @Test
  void pointsLeftInALotExpireAfterTheirDays() {
    LedgerState state = PointsLedger.derive(List.of(
        credit(1, EARN, 100, 0, 365), debit(2, REDEEM, 40, 100), credit(3, EARN, 70, 200, 365)), day(366));

    assertThat(state.balance()).isEqualTo(70);
    assertThat(state.dueExpiries()).singleElement().satisfies(expiry -> {
      assertThat(expiry.type()).isEqualTo(EXPIRE);
      assertThat(expiry.points()).isEqualTo(-60);
      assertThat(expiry.at()).isEqualTo(day(365));
      assertThat(expiry.id()).isEqualTo(PointsLedger.expiryId(id(1)));
    });
  }

  @Test
  void anExpiryAlreadyInTheLedgerIsNotDueAgain() {
    LedgerState first = PointsLedger.derive(List.of(credit(1, EARN, 100, 0, 365)), day(400));
    List<LedgerEntry> entries = new ArrayList<>(List.of(credit(1, EARN, 100, 0, 365)));
    entries.addAll(first.dueExpiries());

    LedgerState again = PointsLedger.derive(entries, day(500));

    assertThat(again.balance()).isZero();
    assertThat(again.dueExpiries()).isEmpty();
    assertThat(again.lots()).isEmpty();
  }

  @Test
  void expiredPointsCannotBeSpent() {
    // the 100 expired on day 365; a redemption on day 370 can only take the 50 that did not
    LedgerState state = PointsLedger.derive(List.of(
        credit(1, EARN, 100, 0, 365), credit(2, EARN, 50, 300, 0), debit(3, REDEEM, 80, 370)), day(371));

    assertThat(state.deficit()).isEqualTo(30);
    assertThat(state.balance()).isEqualTo(-30);
    assertThat(state.dueExpiries()).singleElement().extracting(LedgerEntry::points).isEqualTo(-100L);
  }

  @Test
  void aLaterCreditPaysADeficitFirst() {
    LedgerState state = PointsLedger.derive(List.of(
        credit(1, EARN, 10, 0, 0), debit(2, REDEEM, 30, 1), credit(3, EARN, 50, 2, 0)), day(3));

    assertThat(state.deficit()).isZero();
    assertThat(state.balance()).isEqualTo(30);
    assertThat(state.lots()).extracting(PointsLot::remaining).containsExactly(30L);
  }

  @Test
  void aReversalTakesBackFromTheLotOfTheEntryItReverses() {
    LedgerState state = PointsLedger.derive(List.of(
        credit(1, EARN, 100, 0, 365), credit(2, EARN, 40, 5, 365), reverse(3, -40, 6, id(2))), day(7));

    assertThat(state.balance()).isEqualTo(100);
    assertThat(state.lots()).extracting(PointsLot::sourceEntryId).containsExactly(id(1));
  }

  @Test
  void aRepeatedEntryCountsOnce() {
    LedgerEntry earn = credit(1, EARN, 100, 0, 0);

    assertThat(PointsLedger.derive(List.of(earn, earn), day(1)).balance()).isEqualTo(100);
  }

  @Test
  void theOrderEntriesArriveInDoesNotMatter() {
    List<LedgerEntry> entries = new ArrayList<>(List.of(
        credit(1, EARN, 100, 0, 365), credit(2, BONUS, 50, 10, 30), debit(3, REDEEM, 120, 20),
        credit(4, EARN, 7, 50, 365)));
    LedgerState inOrder = PointsLedger.derive(entries, day(60));
    Collections.reverse(entries);

    assertThat(PointsLedger.derive(entries, day(60))).isEqualTo(inOrder);
    assertThat(inOrder.balance()).isEqualTo(7); // the bonus's 30 left expired on day 40
  }
}
