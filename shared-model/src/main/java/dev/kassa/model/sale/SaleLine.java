package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.money.Money;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One committed line of a sale. {@code amount} is quantity times unit price (VAT included);
 * {@code discount} is every discount the engine gave this line; the customer pays
 * {@link #net()}. {@code points} are the points this line earned. The VAT rate is the one in force
 * at the time of sale, copied here so that a later rate change never alters a past receipt.
 */
public record SaleLine(
    int lineNo,
    String sku,
    String barcode,
    String name,
    String categoryId,
    Quantity quantity,
    Money unitPrice,
    Money amount,
    Money discount,
    String vatCode,
    int vatBasisPoints,
    long points,
    Set<ProductFlag> flags) {

  public SaleLine {
    if (lineNo <= 0) {
      throw new IllegalArgumentException("lineNo <= 0: " + lineNo);
    }
    requireNonNull(sku, "sku == null");
    requireNonNull(name, "name == null");
    requireNonNull(categoryId, "categoryId == null");
    requireNonNull(quantity, "quantity == null");
    requireNonNull(unitPrice, "unitPrice == null");
    requireNonNull(amount, "amount == null");
    requireNonNull(discount, "discount == null");
    requireNonNull(vatCode, "vatCode == null");
    if (!amount.equals(quantity.priceAt(unitPrice))) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": amount " + amount + " != " + quantity + " x " + unitPrice);
    }
    if (discount.isNegative() || discount.compareTo(amount) > 0) {
      throw new IllegalArgumentException("line " + lineNo + ": discount outside 0.." + amount + ": " + discount);
    }
    if (points < 0) {
      throw new IllegalArgumentException("line " + lineNo + ": points < 0: " + points);
    }
    flags = flags == null || flags.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  /** What the customer pays for this line. */
  public Money net() {
    return amount.minus(discount);
  }
}
