package dev.kassa.model.loyalty.ledger;

import static dev.kassa.model.ledger.EntryType.EARN;
import static dev.kassa.model.loyalty.ledger.Entries.CARD;
import static dev.kassa.model.loyalty.ledger.Entries.credit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardStatesTest {
  private static final CompiledProgram PROGRAM = CompiledProgram.compile(DemoProgram.load());
  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

  @Test
  void theTierFollowsTheSpendOfTheLastTwelveMonths() {
    Sale old = sale(1, "2025-06-09T12:00:00Z", 4_000_000);
    Sale recent = sale(2, "2025-06-11T12:00:00Z", 1_000_000);
    Sale latest = sale(3, "2026-06-01T12:00:00Z", 600_000);

    CardState state = CardStates.derive(PROGRAM,
        new CardHistory(CARD, null, List.of(), List.of(old, recent, latest), List.of(), List.of()), NOW);

    assertThat(state.spend()).isEqualTo(Money.ofMinor(1_600_000, "RUB"));
    assertThat(state.tierId()).isEqualTo("silver");
    assertThat(state.firstPurchaseAt()).isEqualTo(old.createdAt());
  }

  @Test
  void returnsLowerTheSpendAndVoidedSalesDoNotCount() {
    Sale big = sale(1, "2026-05-01T12:00:00Z", 6_000_000);
    Sale voided = sale(2, "2026-05-02T12:00:00Z", 3_000_000);
    SaleReturn back = new SaleReturn(UUID.randomUUID(), big.id(), "store-1", "till-1", UUID.randomUUID(), 7, "c1",
        null, Instant.parse("2026-05-03T12:00:00Z"),
        List.of(new ReturnLine(1, Quantity.pieces(1), rub(1_500_000), 0)), rub(1_500_000),
        List.of(Payment.of(PaymentMethod.CARD, rub(1_500_000), null)), CARD, 0, 0, "changed mind");
    SaleVoid cancel = new SaleVoid(UUID.randomUUID(), voided.id(), "store-1", "till-1", UUID.randomUUID(), "c1", "m1",
        Instant.parse("2026-05-02T12:05:00Z"), "wrong card");

    CardState state = CardStates.derive(PROGRAM,
        new CardHistory(CARD, null, List.of(), List.of(big, voided), List.of(back), List.of(cancel)), NOW);

    assertThat(state.spend()).isEqualTo(rub(4_500_000));
    assertThat(state.tierId()).isEqualTo("silver");
  }

  @Test
  void aCardWithoutSalesIsOnItsFirstPurchaseInTheEntryTier() {
    CardState state = CardStates.derive(PROGRAM, new CardHistory(CARD, LocalDate.of(1990, 6, 12),
        List.of(credit(1, EARN, 100, 0, 365)), List.of(), List.of(), List.of()), NOW);

    assertThat(state.hasPurchased()).isFalse();
    assertThat(state.tierId()).isEqualTo("bronze");
    assertThat(state.balance()).isEqualTo(100);
    assertThat(state.birthday()).isEqualTo(LocalDate.of(1990, 6, 12));
  }

  private static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, "RUB");
  }

  static Sale sale(int receiptNo, String at, long kopecks) {
    SaleLine line = new SaleLine(1, "coffee", null, "Coffee", "tea-coffee", Quantity.pieces(1), rub(kopecks),
        rub(kopecks), rub(0), "vat22", 2200, 0, null);
    return new Sale(UUID.randomUUID(), "store-1", "till-1", UUID.randomUUID(), receiptNo, "c1", Instant.parse(at),
        List.of(line), rub(kopecks), List.of(Payment.of(PaymentMethod.CARD, rub(kopecks), null)),
        new SaleLoyalty(CARD, 1, null, 0, 0, rub(0), null, false, List.of()));
  }
}
