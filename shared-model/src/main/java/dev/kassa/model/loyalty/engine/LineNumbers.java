package dev.kassa.model.loyalty.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/** An immutable, sorted list of line numbers over an {@code int[]}: explanations need no boxing. */
final class LineNumbers extends AbstractList<Integer> implements RandomAccess {
  private final int[] numbers;

  LineNumbers(int[] numbers) {
    this.numbers = numbers;
    for (int k = 1; k < numbers.length; k++) {
      if (numbers[k - 1] > numbers[k]) {
        Arrays.sort(numbers);
        return;
      }
    }
  }

  @Override
  public Integer get(int index) {
    return numbers[index];
  }

  @Override
  public int size() {
    return numbers.length;
  }
}
