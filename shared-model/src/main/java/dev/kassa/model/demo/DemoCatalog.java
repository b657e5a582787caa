package dev.kassa.model.demo;

import dev.kassa.model.catalog.Category;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.code.Gtin;
import dev.kassa.model.code.GtinFormat;
import dev.kassa.model.code.VariableMeasureLayout;
import dev.kassa.model.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the demo catalog from {@link DemoCatalogWords}. The set of products is fixed by the word
 * lists; the seed decides prices (a per-brand price level plus a little per-product noise), the
 * brands' GS1 company prefixes, and which products carry a second barcode (a re-labelled pack).
 */
final class DemoCatalog {

  final List<Category> categories = new ArrayList<>();
  final List<Product> products = new ArrayList<>();
  final Map<String, String> pluBySku = new LinkedHashMap<>();

  private final Random random;
  private final Currency currency;
  private final VariableMeasureLayout layout = VariableMeasureLayout.russia();
  private final Set<String> companyPrefixes = new HashSet<>();
  private final Map<String, String> companyPrefixByBrand = new LinkedHashMap<>();
  private final Map<String, Integer> nextItemByBrand = new LinkedHashMap<>();
  private final Map<String, Integer> priceLevelByBrand = new LinkedHashMap<>();

  private String categoryId;
  private String vatCode;
  private Set<ProductFlag> flags;
  private List<String[]> brands;
  private int nextSku = 100_001;
  private int nextPluInCategory;

  DemoCatalog(Random random, Currency currency) {
    this.random = random;
    this.currency = currency;
    for (String line : DemoCatalogWords.TEXT.lines().map(String::strip).toList()) {
      if (!line.isEmpty()) {
        read(line);
      }
    }
  }

  private void read(String line) {
    int space = line.indexOf(' ');
    String keyword = line.substring(0, space);
    String[] fields = line.substring(space + 1).split("\\|", -1);
    switch (keyword) {
      case "category" -> category(fields);
      case "brands" -> brands = pairs(fields[0]);
      case "kind" -> kind(fields);
      case "weighed" -> weighed(fields);
      default -> throw new IllegalStateException("unknown word list line: " + line);
    }
  }

  private void category(String[] fields) {
    categoryId = fields[0].strip();
    vatCode = fields[1].strip();
    categories.add(new Category(categoryId, names(fields[2], fields[3]), null));
    flags = EnumSet.noneOf(ProductFlag.class);
    for (String flag : fields[4].strip().split(" ")) {
      if (!flag.isEmpty()) {
        flags.add(ProductFlag.valueOf(flag));
      }
    }
    nextPluInCategory = categories.size() * 1000 + 1;
  }

  private void kind(String[] fields) {
    String kindRu = fields[0].strip();
    String kindEn = fields[1].strip();
    for (String size : fields[2].split(";")) {
      String[] parts = size.strip().split("=");
      long baseRoubles = Long.parseLong(parts[2]);
      for (String[] brand : brands) {
        Map<String, String> names = names(
            kindRu + " " + brand[0] + " " + parts[0], brand[1] + " " + kindEn + " " + parts[1]);
        int level = priceLevelByBrand.computeIfAbsent(brand[1], b -> 85 + random.nextInt(41));
        add(names, barcodes(brand[1]), price(baseRoubles, level), false);
      }
    }
  }

  private void weighed(String[] fields) {
    String plu = String.format(Locale.ROOT, "%05d", nextPluInCategory++);
    String barcode = layout.encode(DemoData.WEIGHT_PREFIX, plu, 0).orElseThrow().digits();
    String sku = add(names(fields[0].strip(), fields[1].strip()), List.of(barcode),
        price(Long.parseLong(fields[2].strip()), 100), true);
    pluBySku.put(sku, plu);
  }

  private String add(Map<String, String> names, List<String> barcodes, Money price, boolean byWeight) {
    String sku = Integer.toString(nextSku++);
    products.add(new Product(sku, barcodes, names, categoryId, price, vatCode, byWeight, flags));
    return sku;
  }

  /** The base price moved by the brand's level (percent) and +-5% noise, ending in 90 kopecks. */
  private Money price(long baseRoubles, int levelPercent) {
    long noise = 95 + random.nextInt(11);
    long roubles = Math.max(1, (baseRoubles * levelPercent * noise + 5_000) / 10_000);
    return Money.ofMinor(roubles * 100 - 10, currency);
  }

  /**
   * One EAN-13 in the Russian GS1 range (460-469): the brand's 4-digit company number, then a
   * 5-digit item reference; one product in twenty also keeps the barcode of an older pack.
   */
  private List<String> barcodes(String brand) {
    String company = companyPrefixByBrand.computeIfAbsent(brand, b -> newCompanyPrefix());
    List<String> barcodes = new ArrayList<>();
    barcodes.add(nextBarcode(brand, company));
    if (random.nextInt(20) == 0) {
      barcodes.add(nextBarcode(brand, company));
    }
    return barcodes;
  }

  private String newCompanyPrefix() {
    String prefix;
    do {
      prefix = "46" + random.nextInt(10) + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
    } while (!companyPrefixes.add(prefix));
    return prefix;
  }

  private String nextBarcode(String brand, String company) {
    int item = nextItemByBrand.merge(brand, 1 + random.nextInt(50), Integer::sum);
    return Gtin.complete(company + String.format(Locale.ROOT, "%05d", item), GtinFormat.EAN_13).orElseThrow().digits();
  }

  private static List<String[]> pairs(String list) {
    List<String[]> pairs = new ArrayList<>();
    for (String pair : list.split(";")) {
      pairs.add(pair.strip().split("="));
    }
    return pairs;
  }

  private static Map<String, String> names(String ru, String en) {
    return Map.of("ru", ru.strip(), "en", en.strip());
  }
}
