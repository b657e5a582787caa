package dev.kassa.model.shift;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;

/**
 * The counters of a shift as its Z report printed them. {@code cashExpected} is what should be
 * in the drawer: opening float + cash in - cash out + cash sales - cash refunds.
 */
public record ShiftTotals(
    long salesCount, Money salesTotal, long returnsCount, Money returnsTotal, long voidsCount,
    Money cashSales, Money cardSales, Money pointsSales, Money giftCertificateSales,
    Money cashIn, Money cashOut, Money cashExpected) {

  public ShiftTotals {
    requireNonNull(salesTotal, "salesTotal == null");
    requireNonNull(returnsTotal, "returnsTotal == null");
    requireNonNull(cashSales, "cashSales == null");
    requireNonNull(cardSales, "cardSales == null");
    requireNonNull(pointsSales, "pointsSales == null");
    requireNonNull(giftCertificateSales, "giftCertificateSales == null");
    requireNonNull(cashIn, "cashIn == null");
    requireNonNull(cashOut, "cashOut == null");
    requireNonNull(cashExpected, "cashExpected == null");
  }
}
