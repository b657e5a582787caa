package dev.kassa.model.loyalty.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

  @Test
  void sharesByWeightAndGivesTheSpareUnitsToTheLargestRemainders() {
    long[] out = new long[3];
    // 100 over 1:1:1 = 33.33 each: one spare unit, the remainders tie, rank decides (line 2 ranks first)
    LargestRemainder.distribute(100, new long[] {5, 5, 5}, new int[] {0, 1, 2}, 3, new int[] {1, 2, 0}, out);

    assertThat(out).containsExactly(33, 33, 34);
  }

  @Test
  void zeroWeightsShareEqually() {
    long[] out = new long[2];
    LargestRemainder.distribute(3, new long[] {0, 0}, new int[] {0, 1}, 2, new int[] {0, 1}, out);

    assertThat(out).containsExactly(2, 1);
  }

  @Property(tries = 1000)
  void selectsTheValueASortWouldPutAtAnIndex(@ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 20) Long> values,
      @ForAll @IntRange(min = 0, max = 39) int index) {
    long[] array = values.stream().mapToLong(Long::longValue).toArray();
    int at = index % array.length;
    long[] sorted = array.clone();
    java.util.Arrays.sort(sorted);

    assertThat(LargestRemainder.select(array, array.length, at)).isEqualTo(sorted[at]);
  }

  /** The textbook method, sorting every member by (remainder desc, rank asc): the reference. */
  @Property(tries = 1000)
  void agreesWithTheTextbookMethod(@ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 50) Long> weights,
      @ForAll @LongRange(min = 0, max = 10_000) long total, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    int n = weights.size();
    long[] w = new long[n];
    int[] members = new int[n];
    int[] rank;
    for (int i = 0; i < n; i++) {
      w[i] = weights.get(i);
      members[i] = i;
    }
    rank = permutation(n, seed);
    long[] out = new long[n];

    LargestRemainder.distribute(total, w, members, n, rank, out);

    assertThat(out).containsExactly(reference(total, w, rank));
  }

  private static int[] permutation(int n, int seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(seed));
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = order.get(i);
    }
    return rank;
  }

  private static long[] reference(long total, long[] weights, int[] rank) {
    int n = weights.length;
    long sum = 0;
    for (long w : weights) {
      sum += w;
    }
    boolean equal = sum == 0;
    long[] w = weights.clone();
    if (equal) {
      java.util.Arrays.fill(w, 1);
      sum = n;
    }
    long[] out = new long[n];
    BigInteger[] remainder = new BigInteger[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i])).divideAndRemainder(BigInteger.valueOf(sum));
      out[i] = qr[0].longValueExact();
      remainder[i] = qr[1];
      given += out[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainder[i]).reversed().thenComparingInt(i -> rank[i]));
    for (int k = 0; k < total - given; k++) {
      out[order.get(k)]++;
    }
    return out;
  }
}
