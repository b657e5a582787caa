package dev.kassa.model.loyalty.engine;

import dev.kassa.model.money.Rates;
import java.math.RoundingMode;

/**
 * {@code value * numerator / denominator} for the engine's non-negative amounts, rounded as the
 * program says, without the general-purpose dispatch of {@link Rates#mulDiv}: the engine applies a
 * percentage to every line of every check, and this is its innermost arithmetic. Falls back to
 * {@link Rates} when the product does not fit in 64 bits. Same results as {@link Rates#mulDiv}.
 */
final class Share {
  private Share() {}

  static long of(long value, long numerator, long denominator, RoundingMode rounding) {
    long product = value * numerator;
    if (value < 0 || numerator < 0 || Math.multiplyHigh(value, numerator) != 0 || product < 0) {
      return Rates.mulDiv(value, numerator, denominator, rounding);
    }
    long quotient = product / denominator;
    long remainder = product - quotient * denominator;
    if (remainder == 0) {
      return quotient;
    }
    long rest = denominator - remainder;
    boolean up = switch (rounding) {
      case DOWN, FLOOR -> false;
      case UP, CEILING -> true;
      case HALF_UP -> remainder >= rest;
      case HALF_DOWN -> remainder > rest;
      case HALF_EVEN -> remainder > rest || (remainder == rest && (quotient & 1) != 0);
      case UNNECESSARY -> throw new ArithmeticException("rounding necessary: " + product + " / " + denominator);
    };
    return up ? quotient + 1 : quotient;
  }
}
