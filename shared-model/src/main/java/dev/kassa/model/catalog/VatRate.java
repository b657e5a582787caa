package dev.kassa.model.catalog;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A VAT rate as data with effective dates, never a constant: Russia's standard rate went from
 * 20% to 22% on 1 January 2026 (Federal Law 425-FZ of 28.11.2025). The rate that applies to a sale
 * is the one in force on the sale's date in the store's time zone.
 */
public record VatRate(String code, String label, List<Period> periods) {

  /** From {@code from} (inclusive) on, the rate is {@code basisPoints} (22% = 2200). */
  public record Period(LocalDate from, int basisPoints) {
    public Period {
      requireNonNull(from, "from == null");
      if (basisPoints < 0 || basisPoints > 10_000) {
        throw new IllegalArgumentException("basisPoints out of range: " + basisPoints);
      }
    }
  }

  public VatRate {
    requireNonNull(code, "code == null");
    requireNonNull(label, "label == null");
    List<Period> sorted = new ArrayList<>(requireNonNull(periods, "periods == null"));
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("VAT rate " + code + " has no periods");
    }
    sorted.sort(comparing(Period::from));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
        throw new IllegalArgumentException("VAT rate " + code + " has two periods from " + sorted.get(i).from());
      }
    }
    periods = List.copyOf(sorted);
  }

  /** The rate in force on {@code date}; an error before the first period. */
  public int basisPointsOn(LocalDate date) {
    int found = -1;
    for (Period period : periods) {
      if (!period.from().isAfter(date)) {
        found = period.basisPoints();
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("VAT rate " + code + " has no rate on " + date);
    }
    return found;
  }

  /**
   * The VAT contained in a VAT-inclusive amount: {@code gross * rate / (1 + rate)}, rounded half-up
   * to the minor unit, as Russian fiscal receipts show it.
   */
  public static Money includedIn(Money gross, int basisPoints) {
    return gross.times(basisPoints, 10_000L + basisPoints, RoundingMode.HALF_UP);
  }
}
