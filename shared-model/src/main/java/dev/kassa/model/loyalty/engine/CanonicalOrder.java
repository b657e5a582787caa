package dev.kassa.model.loyalty.engine;

import dev.kassa.model.catalog.ProductFlag;

/**
 * Ranks lines by their content (SKU, category, quantity, price, flags), the line number only last,
 * for lines that are the same in every other way and so interchangeable. Rounding ties are broken
 * by this rank, which is why the result does not depend on the order lines were scanned in.
 */
public final class CanonicalOrder {
  private CanonicalOrder() {}

  /** {@code rank[i]} = position of line i in canonical order. */
  public static int[] ranks(BasketLine[] lines) {
    return ranks(lines, lines.length);
  }

  /** As {@link #ranks(BasketLine[])} for the first {@code n} lines. */
  static int[] ranks(BasketLine[] lines, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      // insertion sort: baskets are small, and it allocates nothing
      for (int j = i; j > 0 && compare(lines[order[j - 1]], lines[order[j]]) > 0; j--) {
        int swap = order[j];
        order[j] = order[j - 1];
        order[j - 1] = swap;
      }
    }
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) {
      rank[order[k]] = k;
    }
    return rank;
  }

  static int compare(BasketLine a, BasketLine b) {
    int c = a.sku().compareTo(b.sku());
    if (c == 0) {
      c = a.categoryId().compareTo(b.categoryId());
    }
    if (c == 0) {
      c = a.quantity().unit().compareTo(b.quantity().unit());
    }
    if (c == 0) {
      c = Long.compare(a.quantity().value(), b.quantity().value());
    }
    if (c == 0) {
      c = Long.compare(a.unitPrice().minor(), b.unitPrice().minor());
    }
    if (c == 0) {
      c = Integer.compare(flagBits(a), flagBits(b));
    }
    return c != 0 ? c : Integer.compare(a.lineNo(), b.lineNo());
  }

  private static int flagBits(BasketLine line) {
    int bits = 0;
    if (!line.flags().isEmpty()) {
      for (ProductFlag flag : ProductFlag.values()) {
        if (line.flags().contains(flag)) {
          bits |= 1 << flag.ordinal();
        }
      }
    }
    return bits;
  }
}
