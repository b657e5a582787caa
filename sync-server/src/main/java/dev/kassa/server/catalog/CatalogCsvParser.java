package dev.kassa.server.catalog;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.Gtin;
import dev.kassa.model.money.Money;
import dev.kassa.server.http.FieldError;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalog CSV ({@code sku,barcodes,name_ru,name_en,category,price_minor,vat_rate,
 * sold_by_weight,flags}, as {@code dev.kassa.model.demo.CatalogCsv} writes it) into products,
 * checking every line and collecting every problem with its line and column, so an office user
 * fixes the file in one go. References to categories and VAT rates are checked against the
 * database by the store, in the import's transaction.
 */
public final class CatalogCsvParser {
  public static final List<String> HEADER = List.of(
      "sku", "barcodes", "name_ru", "name_en", "category", "price_minor", "vat_rate", "sold_by_weight", "flags");
  /** Past this many, the answer stops listing problems: the file is clearly the wrong one. */
  static final int MAX_ERRORS = 100;
  private static final int MAX_TEXT = 200;

  private CatalogCsvParser() {}

  /** The products of the file, or an {@link ImportRejectedException} listing what is wrong. */
  public static List<ImportRow> parse(String csv, Currency currency) {
    List<CsvReader.Record> records;
    try {
      records = CsvReader.read(csv);
    } catch (CsvReader.MalformedCsvException e) {
      throw new ImportRejectedException(List.of(new FieldError("line " + e.line(), e.getMessage())));
    }
    if (records.isEmpty() || !records.get(0).fields().equals(HEADER)) {
      throw new ImportRejectedException(List.of(new FieldError("line 1",
          "the first line must be the header " + String.join(",", HEADER))));
    }
    List<FieldError> errors = new ArrayList<>();
    List<ImportRow> rows = new ArrayList<>();
    Map<String, Integer> skuLines = new HashMap<>();
    Map<String, Integer> barcodeLines = new HashMap<>();
    for (CsvReader.Record record : records.subList(1, records.size())) {
      Line line = new Line(record, errors);
      Product product = line.product(currency);
      if (product != null) {
        Integer earlier = skuLines.putIfAbsent(product.sku(), record.line());
        if (earlier != null) {
          line.error("sku", "sku already on line " + earlier);
        }
        for (String barcode : product.barcodes()) {
          Integer owner = barcodeLines.putIfAbsent(barcode, record.line());
          if (owner != null) {
            line.error("barcodes", "barcode " + barcode + " already on line " + owner);
          }
        }
        rows.add(new ImportRow(record.line(), product));
      }
      if (errors.size() >= MAX_ERRORS) {
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }
    return rows;
  }

  /** One data line: reads each column, records each problem, builds the product if all is well. */
  private static final class Line {
    private final CsvReader.Record record;
    private final List<FieldError> errors;
    private final int errorsBefore;

    Line(CsvReader.Record record, List<FieldError> errors) {
      this.record = record;
      this.errors = errors;
      this.errorsBefore = errors.size();
    }

    Product product(Currency currency) {
      if (record.fields().size() != HEADER.size()) {
        error(null, "expected " + HEADER.size() + " fields, found " + record.fields().size());
        return null;
      }
      String sku = text("sku", true);
      List<String> barcodes = barcodes();
      Map<String, String> names = new LinkedHashMap<>();
      putName(names, "ru", text("name_ru", false));
      putName(names, "en", text("name_en", false));
      if (names.isEmpty()) {
        error("name_ru", "a product needs a name in at least one language");
      }
      String category = text("category", true);
      Long price = price();
      String vat = text("vat_rate", true);
      Boolean byWeight = bool();
      Set<ProductFlag> flags = flags();
      if (errors.size() > errorsBefore) {
        return null;
      }
      try {
        return new Product(sku, barcodes, names, category, Money.ofMinor(price, currency), vat, byWeight, flags);
      } catch (IllegalArgumentException e) {
        error(null, e.getMessage());
        return null;
      }
    }

    private String value(String column) {
      return record.fields().get(HEADER.indexOf(column)).strip();
    }

    private String text(String column, boolean required) {
      String value = value(column);
      if (required && value.isEmpty()) {
        error(column, "is empty");
      } else if (value.length() > MAX_TEXT) {
        error(column, "longer than " + MAX_TEXT + " characters");
      } else if (value.chars().anyMatch(Character::isISOControl)) {
        error(column, "contains control characters");
      }
      return value;
    }

    private static void putName(Map<String, String> names, String language, String name) {
      if (!name.isEmpty()) {
        names.put(language, name);
      }
    }

    private List<String> barcodes() {
      String value = value("barcodes");
      List<String> barcodes = new ArrayList<>();
      if (value.isEmpty()) {
        return barcodes;
      }
      for (String code : value.split("\\|", -1)) {
        CodeResult<Gtin> parsed = Gtin.parse(code.strip());
        if (parsed instanceof CodeResult.Invalid<Gtin> invalid) {
          error("barcodes", invalid.message());
        } else {
          barcodes.add(code.strip());
        }
      }
      return barcodes;
    }

    private Long price() {
      String value = value("price_minor");
      try {
        long price = Long.parseLong(value);
        if (price < 0) {
          error("price_minor", "negative price");
        }
        return price;
      } catch (NumberFormatException e) {
        error("price_minor", "not a whole number of minor units (kopecks)");
        return null;
      }
    }

    private Boolean bool() {
      String value = value("sold_by_weight");
      if (value.equals("true") || value.equals("false")) {
        return Boolean.valueOf(value);
      }
      error("sold_by_weight", "must be true or false");
      return null;
    }

    private Set<ProductFlag> flags() {
      Set<ProductFlag> flags = EnumSet.noneOf(ProductFlag.class);
      String value = value("flags");
      if (value.isEmpty()) {
        return flags;
      }
      for (String flag : value.split("\\|", -1)) {
        try {
          flags.add(ProductFlag.valueOf(flag.strip()));
        } catch (IllegalArgumentException e) {
          error("flags", "unknown flag; known: NO_ACCRUAL, NO_REDEMPTION, NO_DISCOUNT");
        }
      }
      return flags;
    }

    void error(String column, String message) {
      errors.add(new FieldError(column == null ? "line " + record.line() : "line " + record.line() + ", " + column,
          message));
    }
  }
}
