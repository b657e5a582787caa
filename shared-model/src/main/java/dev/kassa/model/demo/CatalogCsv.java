package dev.kassa.model.demo;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.ProductFlag;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes products in the catalog import format the sync server reads (described on
 * {@link DemoData}): RFC 4180 CSV, UTF-8, a header line, LF line ends.
 */
public final class CatalogCsv {
  private CatalogCsv() {}

  public static final String HEADER = "sku,barcodes,name_ru,name_en,category,price_minor,vat_rate,sold_by_weight,flags";

  public static String write(List<Product> products) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (Product product : products) {
      csv.append(field(product.sku())).append(',')
          .append(field(String.join("|", product.barcodes()))).append(',')
          .append(field(product.names().getOrDefault("ru", ""))).append(',')
          .append(field(product.names().getOrDefault("en", ""))).append(',')
          .append(field(product.categoryId())).append(',')
          .append(product.price().minor()).append(',')
          .append(field(product.vatCode())).append(',')
          .append(product.soldByWeight()).append(',')
          .append(product.flags().stream().map(ProductFlag::name).collect(Collectors.joining("|")))
          .append('\n');
    }
    return csv.toString();
  }

  /** Quoted when it holds a comma, quote or line break ("Молоко 2,5%"); quotes doubled inside. */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
