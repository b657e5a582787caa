package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LineOutcome;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.server.store.Database;
import dev.kassa.server.testing.Engine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnginePointsCheckTest {
  private static final LoyaltyProgram PROGRAM = DemoProgram.load();
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  /** A sale as a terminal makes it: evaluated by the same engine, earning {@code claimed} points. */
  private static Sale sale(Long claimed) {
    List<BasketLine> basket = List.of(
        BasketLine.of(1, "milk", "dairy", Quantity.pieces(2), Money.ofMinor(8_990, "RUB")),
        BasketLine.of(2, "bread", "bakery", Quantity.pieces(1), Money.ofMinor(5_450, "RUB")));
    CardState fresh = CardState.fresh("7000009", Money.ofMinor(0, "RUB"), null);
    Evaluation evaluation = LoyaltyEngine.of(PROGRAM).evaluate(fresh, Basket.of(basket.get(0).amount().currency(),
        basket), AT);
    List<SaleLine> lines = new ArrayList<>();
    for (BasketLine line : basket) {
      LineOutcome out = evaluation.line(line.lineNo());
      lines.add(new SaleLine(line.lineNo(), line.sku(), null, line.sku(), line.categoryId(), line.quantity(),
          line.unitPrice(), line.amount(), out.discount(), "VAT10", 1000, out.points(), line.flags()));
    }
    Money total = evaluation.total();
    long earned = claimed == null ? evaluation.pointsEarned() : claimed;
    return new Sale(UUID.randomUUID(), "store-1", "till-1", UUID.randomUUID(), 1, "cashier", AT, lines, total,
        List.of(Payment.cash(total, total)), new SaleLoyalty("7000009", PROGRAM.version(), evaluation.tierId(),
        earned, 0, Money.ofMinor(0, "RUB"), null, false, List.of()));
  }

  @Test
  void aSaleTheEngineAgreesWithIsNoMismatchAndATamperedOneIs() {
    EnginePointsCheck check = new EnginePointsCheck(v -> v == PROGRAM.version() ? Optional.of(PROGRAM) : Optional.empty());
    try (Database db = Engine.SQLITE.openDatabase()) {
      Sale honest = sale(null);
      Sale inflated = sale(honest.loyalty().pointsEarned() + 500);

      assertThat(honest.loyalty().pointsEarned()).isPositive();
      Optional<MismatchStore.Mismatch> agreed = db.read(c -> check.check(c, honest));
      Optional<MismatchStore.Mismatch> differs = db.read(c -> check.check(c, inflated));
      assertThat(agreed).isEmpty();
      assertThat(differs).hasValueSatisfying(m -> {
        assertThat(m.serverPoints()).isEqualTo(honest.loyalty().pointsEarned());
        assertThat(m.terminalPoints()).isEqualTo(honest.loyalty().pointsEarned() + 500);
      });
    }
  }

  @Test
  void anUnpublishedProgramVersionIsRecordedNotIgnored() {
    EnginePointsCheck check = new EnginePointsCheck(v -> Optional.empty());
    try (Database db = Engine.SQLITE.openDatabase()) {
      Optional<MismatchStore.Mismatch> unknown = db.read(c -> check.check(c, sale(null)));
      assertThat(unknown).hasValueSatisfying(
          m -> assertThat(m.detail()).contains("not published"));
    }
  }
}
