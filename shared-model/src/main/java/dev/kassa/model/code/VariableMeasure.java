package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

/**
 * A decoded GS1 variable-measure barcode: which item (the store's PLU code, as the scale knows it)
 * and how much of it, as a weight in grams or a price in minor units depending on {@code kind}.
 */
public record VariableMeasure(Gtin barcode, int prefix, String itemCode, MeasureKind kind, long value) {

  public VariableMeasure {
    requireNonNull(barcode, "barcode == null");
    requireNonNull(itemCode, "itemCode == null");
    requireNonNull(kind, "kind == null");
    if (value < 0) {
      throw new IllegalArgumentException("value < 0: " + value);
    }
  }

  public boolean isWeight() {
    return kind == MeasureKind.WEIGHT_GRAMS;
  }
}
