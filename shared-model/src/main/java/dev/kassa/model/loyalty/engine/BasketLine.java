package dev.kassa.model.loyalty.engine;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Quantity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A line of an open sale as the engine sees it. {@code amount} is quantity times unit price
 * (VAT included, before any discount). {@code lineNo} only names the line in the result: the
 * engine's outcome for a line never depends on its position.
 */
public record BasketLine(
    int lineNo, String sku, String categoryId, Quantity quantity, Money unitPrice, Money amount, Set<ProductFlag> flags) {

  public BasketLine {
    if (lineNo <= 0) {
      throw new IllegalArgumentException("lineNo <= 0: " + lineNo);
    }
    requireNonNull(sku, "sku == null");
    requireNonNull(categoryId, "categoryId == null");
    requireNonNull(quantity, "quantity == null");
    requireNonNull(unitPrice, "unitPrice == null");
    requireNonNull(amount, "amount == null");
    if (!amount.equals(quantity.priceAt(unitPrice))) {
      throw new IllegalArgumentException("line " + lineNo + ": amount " + amount + " != " + quantity + " x " + unitPrice);
    }
    flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  public static BasketLine of(int lineNo, Product product, Quantity quantity) {
    return new BasketLine(lineNo, product.sku(), product.categoryId(), quantity, product.price(),
        quantity.priceAt(product.price()), product.flags());
  }

  public static BasketLine of(int lineNo, String sku, String categoryId, Quantity quantity, Money unitPrice,
      ProductFlag... flags) {
    Set<ProductFlag> set = flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
    return new BasketLine(lineNo, sku, categoryId, quantity, unitPrice, quantity.priceAt(unitPrice), set);
  }
}
