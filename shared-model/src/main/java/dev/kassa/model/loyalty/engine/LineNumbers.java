package dev.kassa.model.loyalty.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable, sorted list of line numbers over a slice of an {@code int[]} that all explanations
 * of one evaluation share: explanations need neither boxing nor an array each.
 */
final class LineNumbers extends AbstractList<Integer> implements RandomAccess {
  private final int[] numbers;
  private final int from;
  private final int size;

  /** {@code sorted}: the caller knows the slice is sorted already. */
  LineNumbers(int[] numbers, int from, int to, boolean sorted) {
    this.numbers = numbers;
    this.from = from;
    this.size = to - from;
    for (int k = from + 1; !sorted && k < to; k++) {
      if (numbers[k - 1] > numbers[k]) {
        Arrays.sort(numbers, from, to);
        return;
      }
    }
  }

  @Override
  public Integer get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return numbers[from + index];
  }

  @Override
  public int size() {
    return size;
  }
}
