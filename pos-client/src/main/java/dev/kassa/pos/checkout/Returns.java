package dev.kassa.pos.checkout;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.UuidV7;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.loyalty.returns.ReturnCalculator;
import dev.kassa.model.loyalty.returns.ReturnOutcome;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.pos.ledger.ReturnDraft;
import dev.kassa.pos.ledger.TerminalLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Returns of sales this till made in this session, whole: the loyalty engine's return calculator
 * says what is refunded and which points come back; the points entries reverse the sale's own
 * EARN and REDEEM entries (so the ledgers on till and server take the points from the same lot).
 * Money paid with points is refunded as points, the rest in cash.
 */
public final class Returns {
  private final TerminalLedger ledger;
  private final Programs programs;
  private final Clock clock;

  public Returns(TerminalLedger ledger, Programs programs, Clock clock) {
    this.ledger = requireNonNull(ledger, "ledger == null");
    this.programs = requireNonNull(programs, "programs == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** The return as recorded, with the points entries committed with it. */
  public record Result(SaleReturn saleReturn, List<LedgerEntry> entries) {}

  public Result returnAll(CheckoutResult original, String cashierId, String reason) {
    Sale sale = original.sale();
    Map<Integer, Quantity> all = new LinkedHashMap<>();
    for (SaleLine line : sale.lines()) {
      all.put(line.lineNo(), line.quantity());
    }
    LoyaltyEngine engine = sale.loyalty() == null ? null : programs.current()
        .filter(e -> e.program().version() == sale.loyalty().programVersion())
        .orElseThrow(() -> new IllegalStateException("program version " + sale.loyalty().programVersion() + " not held"));
    ReturnOutcome outcome = engine == null ? withoutLoyalty(sale) : new ReturnCalculator(engine.program())
        .calculate(sale, List.of(), all);
    UUID returnId = UuidV7.next();
    List<LedgerEntry> entries = new ArrayList<>(2);
    Instant now = clock.instant();
    if (sale.loyalty() != null) {
      for (LedgerEntry entry : original.entries()) {
        long points = entry.type() == EntryType.EARN ? -outcome.pointsReversed()
            : entry.type() == EntryType.REDEEM ? outcome.pointsRestored() : 0;
        if (points != 0) {
          entries.add(new LedgerEntry(UuidV7.next(), entry.cardNumber(), EntryType.REVERSE, points, now,
              ledger.hybridClock().now(), entry.storeId(), entry.terminalId(), returnId, entry.id(), null, reason));
        }
      }
    }
    List<Payment> refunds = new ArrayList<>(2);
    if (outcome.restoredValue().isPositive()) {
      refunds.add(Payment.of(PaymentMethod.POINTS, outcome.restoredValue(), null));
    }
    if (outcome.moneyRefund().isPositive()) {
      refunds.add(Payment.cash(outcome.moneyRefund(), outcome.moneyRefund()));
    }
    SaleReturn recorded = ledger.returnSale(new ReturnDraft(returnId, sale.id(), cashierId, null, outcome.lines(),
        refunds, sale.loyalty() == null ? null : sale.loyalty().cardNumber(), outcome.pointsReversed(),
        outcome.pointsRestored(), reason, entries));
    return new Result(recorded, List.copyOf(entries));
  }

  private static ReturnOutcome withoutLoyalty(Sale sale) {
    List<ReturnLine> lines = new ArrayList<>();
    for (SaleLine line : sale.lines()) {
      lines.add(new ReturnLine(line.lineNo(), line.quantity(), line.net(), 0));
    }
    Money zero = Money.zero(sale.total().currency());
    return new ReturnOutcome(lines, sale.total(), 0, 0, zero, sale.total());
  }
}
