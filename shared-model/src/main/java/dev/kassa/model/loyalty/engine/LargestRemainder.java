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
    distribute(total, weights, members, count, line -> rank[line], out, new long[count], new int[count]);
  }

  /** A line's place in canonical order, asked for only when two remainders tie. */
  interface Ranking {
    int rankOf(int line);
  }

  /** As the public form, with the caller's scratch arrays (at least {@code count} long). */
  static void distribute(long total, long[] weights, int[] members, int count, Ranking ranking, long[] out,
      long[] remainders, int[] order) {
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
    int left = (int) (total - given); // fewer than count: each remainder is below one unit
    if (left == 0) {
      return;
    }
    // order the members by remainder, largest first, ties to the lower rank (insertion sort: few lines)
    for (int k = 0; k < count; k++) {
      int j = k;
      while (j > 0 && before(remainders, members, ranking, k, order[j - 1])) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = k;
    }
    for (int k = 0; k < left; k++) {
      out[members[order[k]]]++;
    }
  }

  private static boolean before(long[] remainders, int[] members, Ranking ranking, int a, int b) {
    return remainders[a] > remainders[b]
        || (remainders[a] == remainders[b] && ranking.rankOf(members[a]) < ranking.rankOf(members[b]));
  }
}
