package dev.kassa.model.catalog;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A catalog item as the till sells it. {@code price} is the shelf price including VAT: per piece,
 * or per kilogram when {@code soldByWeight}. {@code names} maps a language tag ("ru", "en") to the
 * name in that language.
 */
public record Product(
    String sku,
    List<String> barcodes,
    Map<String, String> names,
    String categoryId,
    Money price,
    String vatCode,
    boolean soldByWeight,
    Set<ProductFlag> flags) {

  public Product {
    requireNonNull(sku, "sku == null");
    if (sku.isBlank()) {
      throw new IllegalArgumentException("sku is blank");
    }
    barcodes = List.copyOf(requireNonNull(barcodes, "barcodes == null"));
    names = Map.copyOf(requireNonNull(names, "names == null"));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("product " + sku + " has no name");
    }
    requireNonNull(categoryId, "categoryId == null");
    requireNonNull(price, "price == null");
    if (price.isNegative()) {
      throw new IllegalArgumentException("price < 0: " + price);
    }
    requireNonNull(vatCode, "vatCode == null");
    // EnumSet order keeps the canonical JSON (and so the journal hash) stable
    flags = flags == null || flags.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  /** The name in the locale's language, else Russian, else any. */
  public String name(Locale locale) {
    String name = names.get(locale.getLanguage());
    if (name == null) {
      name = names.getOrDefault("ru", names.values().iterator().next());
    }
    return name;
  }

  public boolean has(ProductFlag flag) {
    return flags.contains(flag);
  }
}
