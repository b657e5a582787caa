package dev.kassa.model.code;

/** What the value field of a variable-measure barcode holds. */
public enum MeasureKind {
  /** Net weight in grams (the scale's reading). */
  WEIGHT_GRAMS,
  /** The item's price in minor units (kopecks), computed by the scale or the deli counter. */
  PRICE_MINOR
}
