package dev.kassa.model.loyalty.program;

import dev.kassa.model.catalog.ProductFlag;
import java.util.List;

/**
 * Lines a rule leaves out: products carrying any of {@code flags}, in any of {@code categories}
 * (the line's own category id), or with one of the SKUs in {@code products}.
 */
public record Exclusions(List<ProductFlag> flags, List<String> categories, List<String> products) {
  public static final Exclusions NONE = new Exclusions(List.of(), List.of(), List.of());

  public Exclusions {
    flags = Lists.copy(flags);
    categories = Lists.copy(categories);
    products = Lists.copy(products);
  }
}
