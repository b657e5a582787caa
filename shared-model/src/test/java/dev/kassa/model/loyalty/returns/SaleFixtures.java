package dev.kassa.model.loyalty.returns;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LineOutcome;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sale.SaleReturn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sales committed from an engine evaluation, and returns made from a calculator's outcome. */
public final class SaleFixtures {
  private SaleFixtures() {}

  public static Sale sale(Basket basket, Evaluation result, CardState card, Instant at) {
    List<SaleLine> lines = new ArrayList<>();
    for (BasketLine line : basket.lines()) {
      LineOutcome outcome = result.line(line.lineNo());
      lines.add(new SaleLine(line.lineNo(), line.sku(), null, line.sku(), line.categoryId(), line.quantity(),
          line.unitPrice(), line.amount(), outcome.discount(), "vat22", 2200, outcome.points(), line.flags()));
    }
    List<Payment> payments = new ArrayList<>();
    if (result.redeemedValue().isPositive()) {
      payments.add(Payment.of(PaymentMethod.POINTS, result.redeemedValue(), null));
    }
    if (result.toPay().isPositive()) {
      payments.add(Payment.of(PaymentMethod.CARD, result.toPay(), "rrn"));
    }
    SaleLoyalty loyalty = card == null ? null : new SaleLoyalty(card.cardNumber(), result.programVersion(),
        result.tierId(), result.pointsEarned(), result.pointsRedeemed(), result.redeemedValue(), null, false, List.of());
    return new Sale(UUID.randomUUID(), "store-1", "till-1", UUID.randomUUID(), 1, "c1", at, lines, result.total(),
        payments, loyalty);
  }

  public static SaleReturn saleReturn(Sale sale, ReturnOutcome outcome) {
    List<Payment> refunds = new ArrayList<>();
    if (outcome.restoredValue().isPositive()) {
      refunds.add(Payment.of(PaymentMethod.POINTS, outcome.restoredValue(), null));
    }
    if (outcome.moneyRefund().isPositive()) {
      refunds.add(Payment.of(PaymentMethod.CARD, outcome.moneyRefund(), null));
    }
    List<ReturnLine> lines = outcome.lines();
    Money total = outcome.total();
    return new SaleReturn(UUID.randomUUID(), sale.id(), "store-1", "till-1", UUID.randomUUID(), 2, "c1", "m1",
        sale.createdAt().plusSeconds(3600), lines, total, refunds,
        sale.loyalty() == null ? null : sale.loyalty().cardNumber(), outcome.pointsReversed(),
        outcome.pointsRestored(), "customer");
  }

  public static Quantity pieces(long n) {
    return Quantity.pieces(n);
  }
}
