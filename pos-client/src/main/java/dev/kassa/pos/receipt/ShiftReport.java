package dev.kassa.pos.receipt;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.shift.ShiftTotals;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * An X report (the shift so far, shift stays open) or a Z report (the shift closed, counters
 * final, numbered). {@code vatByRate} maps a rate in basis points to the VAT it contains,
 * highest rate first.
 */
public record ShiftReport(
    Kind kind, long zNumber, StoreHeader store, String terminalId, String cashierName,
    Instant openedAt, Instant printedAt, ShiftTotals totals, Map<Integer, Money> vatByRate) {

  public enum Kind { X, Z }

  public ShiftReport {
    requireNonNull(kind, "kind == null");
    requireNonNull(store, "store == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(cashierName, "cashierName == null");
    requireNonNull(openedAt, "openedAt == null");
    requireNonNull(printedAt, "printedAt == null");
    requireNonNull(totals, "totals == null");
    TreeMap<Integer, Money> byRate = new TreeMap<>(Comparator.reverseOrder());
    byRate.putAll(requireNonNull(vatByRate, "vatByRate == null"));
    vatByRate = Collections.unmodifiableMap(byRate);
    if (kind == Kind.Z && zNumber <= 0) {
      throw new IllegalArgumentException("Z report without a number: " + zNumber);
    }
    if (kind == Kind.X && zNumber != 0) {
      throw new IllegalArgumentException("X reports are not numbered: " + zNumber);
    }
  }
}
