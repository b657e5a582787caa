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
    distribute(total, weights, members, count, line -> rank[line], out, new long[count], new long[count]);
  }

  /** A line's place in canonical order, asked for only when two remainders tie. */
  interface Ranking {
    int rankOf(int line);
  }

  /** As the public form, with the caller's scratch arrays (at least {@code count} long). */
  static void distribute(long total, long[] weights, int[] members, int count, Ranking ranking, long[] out,
      long[] remainders, long[] sorted) {
    if (total < 0) {
      throw new IllegalArgumentException("total < 0: " + total);
    }
    if (total == 0 || count == 0) {
      return;
    }
    if (count == 1) {
      out[members[0]] += total;
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
      long product = total * weight;
      if (((total | weight) >>> 31) == 0 || (Math.multiplyHigh(total, weight) == 0 && product >= 0)) {
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
    // The left largest remainders get one unit each. Only a tie across the cut needs the ranks, so
    // find the cut value by sorting plain remainders, then settle the tie at it by rank.
    System.arraycopy(remainders, 0, sorted, 0, count);
    long cut = select(sorted, count, count - left);
    int atCut = 0;
    for (int k = 0; k < count; k++) {
      if (remainders[k] > cut) {
        out[members[k]]++;
        left--;
      } else if (remainders[k] == cut) {
        atCut++;
      }
    }
    if (left == atCut) {
      for (int k = 0; k < count; k++) {
        if (remainders[k] == cut) {
          out[members[k]]++;
        }
      }
      return;
    }
    for (; left > 0; left--) {
      int best = -1;
      for (int k = 0; k < count; k++) {
        if (remainders[k] == cut && (best < 0 || ranking.rankOf(members[k]) < ranking.rankOf(members[best]))) {
          best = k;
        }
      }
      out[members[best]]++;
      remainders[best] = -1;
    }
  }

  /** The value that would be at {@code index} if {@code values[0..count)} were sorted (quickselect; reorders). */
  static long select(long[] values, int count, int index) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      long pivot = values[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (index <= j) {
        hi = j;
      } else if (index >= i) {
        lo = i;
      } else {
        return values[index];
      }
    }
    return values[index];
  }
}
