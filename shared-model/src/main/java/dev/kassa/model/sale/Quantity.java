package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import java.math.RoundingMode;

/**
 * How much of a product is on a line: a whole number of pieces, or a weight in grams for goods
 * priced per kilogram. Kept as integers so that 0.734 kg is exactly 734 g.
 */
public record Quantity(long value, Unit unit) {

  public enum Unit { PIECE, GRAM }

  public Quantity {
    requireNonNull(unit, "unit == null");
    if (value <= 0) {
      throw new IllegalArgumentException("quantity <= 0: " + value);
    }
  }

  public static Quantity pieces(long count) {
    return new Quantity(count, Unit.PIECE);
  }

  public static Quantity grams(long grams) {
    return new Quantity(grams, Unit.GRAM);
  }

  public boolean isWeight() {
    return unit == Unit.GRAM;
  }

  /**
   * The price of this quantity at {@code unitPrice} (per piece, or per kilogram for a weight).
   * A weighed amount is rounded half-up to the minor unit, as scales and tills print it.
   */
  public Money priceAt(Money unitPrice) {
    return unit == Unit.PIECE
        ? unitPrice.times(value)
        : unitPrice.times(value, 1000, RoundingMode.HALF_UP);
  }

  /** Part of this quantity, for a partial return; same unit. */
  public Quantity part(long partValue) {
    if (partValue > value) {
      throw new IllegalArgumentException("part > quantity: " + partValue + " > " + value);
    }
    return new Quantity(partValue, unit);
  }

  @Override
  public String toString() {
    return unit == Unit.PIECE ? value + " pc" : value + " g";
  }
}
