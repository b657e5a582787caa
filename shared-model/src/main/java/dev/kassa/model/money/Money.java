package dev.kassa.model.money;

import static java.util.Objects.requireNonNull;

import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money: a {@code long} count of the currency's minor unit (kopecks for RUB).
 *
 * <p>Arithmetic is overflow-checked and refuses to mix currencies. Nothing rounds implicitly:
 * applying a rate or a share takes an explicit {@link RoundingMode}, because where a kopeck goes
 * is a business rule (the loyalty program configures it), not an accident of arithmetic.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  public Money {
    requireNonNull(currency, "currency == null");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("currency has no minor unit: " + currency);
    }
  }

  public static Money ofMinor(long minor, Currency currency) {
    return new Money(minor, currency);
  }

  public static Money ofMinor(long minor, String currencyCode) {
    requireNonNull(currencyCode, "currencyCode == null");
    return new Money(minor, Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(minor, sameCurrency(other).minor), currency);
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(minor, sameCurrency(other).minor), currency);
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(minor, factor), currency);
  }

  /** This amount times {@code numerator / denominator}, rounded as told. */
  public Money times(long numerator, long denominator, RoundingMode rounding) {
    return new Money(Rates.mulDiv(minor, numerator, denominator, rounding), currency);
  }

  /** A percentage given in basis points (1% = 100 bp) of this amount, rounded as told. */
  public Money percent(long basisPoints, RoundingMode rounding) {
    return times(basisPoints, 10_000, rounding);
  }

  public Money negate() {
    return new Money(Math.negateExact(minor), currency);
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public boolean isPositive() {
    return minor > 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(minor, sameCurrency(other).minor);
  }

  private Money sameCurrency(Money other) {
    requireNonNull(other, "other == null");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
    return other;
  }

  /** Plain decimal form with the currency code, e.g. {@code 123.45 RUB}; screens format their own. */
  @Override
  public String toString() {
    return Rates.decimal(minor, currency.getDefaultFractionDigits()) + " " + currency.getCurrencyCode();
  }
}
