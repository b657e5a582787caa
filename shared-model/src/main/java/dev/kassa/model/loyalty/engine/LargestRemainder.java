package dev.kassa.model.loyalty.engine;

import java.math.BigInteger;

/**
 * Shares a whole number of units (kopecks, points) among lines in proportion to weights so that the
 * shares add up to the total exactly: each line gets the floor of its exact share, and the units
 * left over go one each to the largest remainders, ties to the lower rank. The rank is the line's
 * place in a canonical order of line contents, so the shares never depend on the order lines were
 * scanned in. No share exceeds the ceiling of its exact share.
 */
public final class LargestRemainder {
  private LargestRemainder() {}

  /**
   * Adds to {@code out[members[k]]} the share of {@code total} (at least 0) for each of the first
   * {@code count} members, by {@code weights[member]} (at least 0; all zero means equal shares).
   */
  public static void distribute(long total, long[] weights, int[] members, int count, int[] rank, long[] out) {
    if (total < 0) {
      throw new IllegalArgumentException("total < 0: " + total);
    }
    if (total == 0 || count == 0) {
      return;
    }
    long sum = 0;
    for (int k = 0; k < count; k++) {
      sum = Math.addExact(sum, weights[members[k]]);
    }
    boolean equal = sum == 0;
    if (equal) {
      sum = count;
    }
    long[] remainders = new long[count];
    long given = 0;
    for (int k = 0; k < count; k++) {
      long weight = equal ? 1 : weights[members[k]];
      long share;
      long high = Math.multiplyHigh(total, weight);
      long product = total * weight;
      if (high == 0 && product >= 0) {
        share = product / sum;
        remainders[k] = product % sum;
      } else {
        BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weight))
            .divideAndRemainder(BigInteger.valueOf(sum));
        share = qr[0].longValueExact();
        remainders[k] = qr[1].longValueExact();
      }
      out[members[k]] += share;
      given += share;
    }
    for (long left = total - given; left > 0; left--) {
      int best = -1;
      for (int k = 0; k < count; k++) {
        if (remainders[k] >= 0 && (best < 0 || remainders[k] > remainders[best]
            || (remainders[k] == remainders[best] && rank[members[k]] < rank[members[best]]))) {
          best = k;
        }
      }
      out[members[best]]++;
      remainders[best] = -1;
    }
  }
}
