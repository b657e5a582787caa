package dev.kassa.model.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Integer rate arithmetic: {@code value * numerator / denominator} with explicit rounding. */
public final class Rates {
  private Rates() {}

  /**
   * {@code value * numerator / denominator}, rounded as told. Exact for any {@code long} inputs:
   * the product is formed in 128 bits when it does not fit in 64. Throws
   * {@link ArithmeticException} if the result does not fit in a {@code long}, or if
   * {@code rounding} is {@link RoundingMode#UNNECESSARY} and the division is inexact.
   */
  public static long mulDiv(long value, long numerator, long denominator, RoundingMode rounding) {
    if (denominator == 0) {
      throw new ArithmeticException("denominator == 0");
    }
    long high = Math.multiplyHigh(value, numerator);
    long low = value * numerator;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return divide(low, denominator, rounding);
    }
    BigInteger product = BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator));
    return new BigDecimal(product)
        .divide(BigDecimal.valueOf(denominator), 0, rounding)
        .longValueExact();
  }

  /** {@code dividend / divisor} rounded as told, without going through floating point. */
  public static long divide(long dividend, long divisor, RoundingMode rounding) {
    if (divisor == 0) {
      throw new ArithmeticException("divisor == 0");
    }
    if (dividend == Long.MIN_VALUE && divisor == -1) {
      throw new ArithmeticException("long overflow");
    }
    long quotient = dividend / divisor;
    long remainder = dividend % divisor;
    if (remainder == 0) {
      return quotient;
    }
    int signum = (dividend < 0) == (divisor < 0) ? 1 : -1;
    boolean increment;
    switch (rounding) {
      case UNNECESSARY -> throw new ArithmeticException("rounding necessary: " + dividend + " / " + divisor);
      case DOWN -> increment = false;
      case UP -> increment = true;
      case FLOOR -> increment = signum < 0;
      case CEILING -> increment = signum > 0;
      default -> {
        // compare 2|remainder| with |divisor| without overflow
        long absRemainder = Math.abs(remainder);
        long rest = Math.abs(divisor) - absRemainder;
        int half = Long.compare(absRemainder, rest);
        increment = switch (rounding) {
          case HALF_UP -> half >= 0;
          case HALF_DOWN -> half > 0;
          case HALF_EVEN -> half > 0 || (half == 0 && (quotient & 1) != 0);
          default -> throw new AssertionError(rounding);
        };
      }
    }
    return increment ? quotient + signum : quotient;
  }

  /** {@code 12345, 2} gives {@code "123.45"}; for display and logs only. */
  public static String decimal(long minor, int fractionDigits) {
    return BigDecimal.valueOf(minor, fractionDigits).toPlainString();
  }
}
