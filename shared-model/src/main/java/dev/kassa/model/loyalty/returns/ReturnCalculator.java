package dev.kassa.model.loyalty.returns;

import static dev.kassa.model.loyalty.returns.ReturnRejectedException.Reason.MORE_THAN_SOLD;
import static dev.kassa.model.loyalty.returns.ReturnRejectedException.Reason.NOTHING_RETURNED;
import static dev.kassa.model.loyalty.returns.ReturnRejectedException.Reason.NOT_THIS_SALE;
import static dev.kassa.model.loyalty.returns.ReturnRejectedException.Reason.NO_SUCH_LINE;
import static dev.kassa.model.loyalty.returns.ReturnRejectedException.Reason.WRONG_UNIT;
import static java.util.Objects.requireNonNull;

import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.CanonicalOrder;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.loyalty.engine.LargestRemainder;
import dev.kassa.model.money.Money;
import dev.kassa.model.money.Rates;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleReturn;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reverses a sale's loyalty effects in proportion to what comes back. Every figure is worked out
 * cumulatively, "what the returns so far should total" minus "what earlier returns gave", so any
 * sequence of partial returns adds up to exactly the sale's own figures when everything is back:
 * the net paid, the points earned, the points redeemed. Nothing is ever given back twice.
 *
 * <p>Redeemed points are attributed to lines the way the engine shared them (their money value by
 * the lines' net amounts over the lines points may pay for, in canonical order), so returning the
 * tobacco of a check paid partly with points gives no points back.
 */
public final class ReturnCalculator {
  private final CompiledProgram program;

  /** {@code program}: the version the sale was evaluated with (its redemption exclusions). */
  public ReturnCalculator(CompiledProgram program) {
    this.program = requireNonNull(program, "program == null");
  }

  /**
   * The outcome of returning {@code returned} (original line number to quantity, same unit as sold)
   * of {@code sale}, after {@code earlier} returns of the same sale.
   */
  public ReturnOutcome calculate(Sale sale, List<SaleReturn> earlier, Map<Integer, Quantity> returned) {
    requireNonNull(sale, "sale == null");
    requireNonNull(earlier, "earlier == null");
    requireNonNull(returned, "returned == null");
    if (returned.isEmpty()) {
      throw new ReturnRejectedException(NOTHING_RETURNED, "nothing to return");
    }
    List<SaleLine> lines = sale.lines();
    int n = lines.size();
    long[] before = new long[n];
    long[] refundedBefore = new long[n];
    long[] reversedBefore = new long[n];
    for (SaleReturn r : earlier) {
      if (!r.originalSaleId().equals(sale.id())) {
        throw new ReturnRejectedException(NOT_THIS_SALE, "return " + r.id() + " is of another sale");
      }
      for (ReturnLine line : r.lines()) {
        int i = index(sale, line.originalLineNo());
        before[i] += line.quantity().value();
        refundedBefore[i] += line.refund().minor();
        reversedBefore[i] += line.pointsReversed();
      }
    }
    long[] after = before.clone();
    for (Map.Entry<Integer, Quantity> e : new TreeMap<>(returned).entrySet()) {
      int i = index(sale, e.getKey());
      SaleLine line = lines.get(i);
      if (e.getValue().unit() != line.quantity().unit()) {
        throw new ReturnRejectedException(WRONG_UNIT, "line " + line.lineNo() + " was sold in " + line.quantity().unit());
      }
      after[i] += e.getValue().value();
      if (after[i] > line.quantity().value()) {
        throw new ReturnRejectedException(MORE_THAN_SOLD, "line " + line.lineNo() + ": returning "
            + e.getValue() + " after " + before[i] + " of " + line.quantity());
      }
    }

    RoundingMode rounding = program.rounding();
    List<ReturnLine> out = new ArrayList<>();
    long total = 0;
    long reversed = 0;
    for (Map.Entry<Integer, Quantity> e : new TreeMap<>(returned).entrySet()) {
      int i = index(sale, e.getKey());
      SaleLine line = lines.get(i);
      long sold = line.quantity().value();
      long refund = clamp(Rates.mulDiv(line.net().minor(), after[i], sold, rounding) - refundedBefore[i],
          line.net().minor() - refundedBefore[i]);
      long points = clamp(Rates.mulDiv(line.points(), after[i], sold, rounding) - reversedBefore[i],
          line.points() - reversedBefore[i]);
      out.add(new ReturnLine(line.lineNo(), e.getValue(), Money.ofMinor(refund, sale.total().currency()), points));
      total += refund;
      reversed += points;
    }

    long restoredPoints = 0;
    long restoredValue = 0;
    if (sale.loyalty() != null && sale.loyalty().pointsRedeemed() > 0) {
      long redeemedPoints = sale.loyalty().pointsRedeemed();
      long redeemedValue = sale.loyalty().redeemedValue().minor();
      long[] share = redeemedShares(sale, redeemedValue);
      long valueBefore = 0;
      long valueAfter = 0;
      for (int i = 0; i < n; i++) {
        long sold = lines.get(i).quantity().value();
        valueBefore += Rates.mulDiv(share[i], before[i], sold, RoundingMode.DOWN);
        valueAfter += Rates.mulDiv(share[i], after[i], sold, RoundingMode.DOWN);
      }
      restoredValue = valueAfter - valueBefore;
      restoredPoints = Rates.mulDiv(redeemedPoints, valueAfter, redeemedValue, RoundingMode.DOWN)
          - Rates.mulDiv(redeemedPoints, valueBefore, redeemedValue, RoundingMode.DOWN);
      long earlierRestored = 0;
      for (SaleReturn r : earlier) {
        earlierRestored += r.pointsRestored();
      }
      restoredPoints = clamp(restoredPoints, redeemedPoints - earlierRestored);
      restoredValue = Math.min(restoredValue, total);
    }
    var currency = sale.total().currency();
    return new ReturnOutcome(out, Money.ofMinor(total, currency), reversed, restoredPoints,
        Money.ofMinor(restoredValue, currency), Money.ofMinor(total - restoredValue, currency));
  }

  /** The redeemed value per line, shared exactly as the engine shared it. */
  private long[] redeemedShares(Sale sale, long redeemedValue) {
    List<SaleLine> lines = sale.lines();
    int n = lines.size();
    BasketLine[] basket = new BasketLine[n];
    long[] net = new long[n];
    int[] members = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      SaleLine line = lines.get(i);
      basket[i] = new BasketLine(line.lineNo(), line.sku(), line.categoryId(), line.quantity(), line.unitPrice(),
          line.amount(), line.flags());
      net[i] = line.net().minor();
      if (program.redeemable(line.sku(), line.categoryId(), line.flags())) {
        members[count++] = i;
      }
    }
    long[] share = new long[n];
    LargestRemainder.distribute(redeemedValue, net, members, count, CanonicalOrder.ranks(basket), share);
    return share;
  }

  private static int index(Sale sale, int lineNo) {
    if (lineNo < 1 || lineNo > sale.lines().size()) {
      throw new ReturnRejectedException(NO_SUCH_LINE, "sale " + sale.id() + " has no line " + lineNo);
    }
    return lineNo - 1;
  }

  private static long clamp(long value, long max) {
    return Math.max(0, Math.min(value, max));
  }
}
