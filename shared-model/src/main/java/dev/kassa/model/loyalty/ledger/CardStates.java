package dev.kassa.model.loyalty.ledger;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Derives a {@link CardState} at a moment from a card's history under a program version: points from
 * the ledger ({@link PointsLedger}); the rolling 12-month spend (sales of the card made in the twelve
 * calendar months before {@code now} in the store's zone, less their returns, voided sales left out)
 * and the tier it reaches; the first purchase.
 */
public final class CardStates {
  private CardStates() {}

  public static CardState derive(CompiledProgram program, CardHistory history, Instant now) {
    LedgerState points = PointsLedger.derive(history.entries(), now);
    Instant since = now.atZone(program.zone()).minusMonths(12).toInstant();
    Set<UUID> voided = new HashSet<>();
    for (SaleVoid v : history.voids()) {
      voided.add(v.saleId());
    }
    long spend = 0;
    Instant first = null;
    Set<UUID> ownSales = new HashSet<>();
    for (Sale sale : history.sales()) {
      if (sale.loyalty() == null || !sale.loyalty().cardNumber().equals(history.cardNumber())
          || voided.contains(sale.id())) {
        continue;
      }
      ownSales.add(sale.id());
      if (first == null || sale.createdAt().isBefore(first)) {
        first = sale.createdAt();
      }
      if (inWindow(sale.createdAt(), since, now)) {
        spend = Math.addExact(spend, sale.total().minor());
      }
    }
    for (SaleReturn r : history.returns()) {
      if (ownSales.contains(r.originalSaleId()) && inWindow(r.createdAt(), since, now)) {
        spend = Math.subtractExact(spend, r.total().minor());
      }
    }
    spend = Math.max(0, spend);
    return new CardState(history.cardNumber(), points.balance(), points.lots(), program.tierFor(spend),
        Money.ofMinor(spend, program.currency()), first, history.birthday());
  }

  private static boolean inWindow(Instant at, Instant since, Instant now) {
    return at.isAfter(since) && !at.isAfter(now);
  }
}
