package dev.kassa.pos.checkout;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.sale.Quantity;

/** A product scanned into the basket, with the barcode it was scanned by (null when typed). */
public record CartLine(Product product, Quantity quantity, String barcode) {
  public CartLine {
    requireNonNull(product, "product == null");
    requireNonNull(quantity, "quantity == null");
    if (quantity.isWeight() != product.soldByWeight()) {
      throw new IllegalArgumentException(product.sku() + (product.soldByWeight() ? " is sold by weight" : " is sold by piece"));
    }
  }
}
