package dev.kassa.server.catalog.store;

import dev.kassa.model.catalog.Category;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.VatRate;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.catalog.ImportRejectedException;
import dev.kassa.server.catalog.ImportRow;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.http.FieldError;
import dev.kassa.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog: VAT rates, categories, products and their barcodes, each write recorded in the
 * catalog change feed in the same transaction, as the transaction's last step (the feed numbers
 * changes under a lock held until commit). An entity written unchanged is not recorded again, so
 * re-importing the same file sends terminals nothing.
 */
public final class CatalogStore {
  /** What an import did. */
  public record ImportResult(int rows, int changed) {}

  private final Database db;

  public CatalogStore(Database db) {
    this.db = db;
  }

  public int upsertVatRates(List<VatRate> rates, long nowMillis) {
    return db.inTransaction(c -> {
      Map<String, String> existing = keyedJson(c, "SELECT code, data FROM vat_rates");
      List<ChangeLog.Entry> changes = new ArrayList<>();
      for (VatRate rate : rates) {
        String json = SyncCodec.toJson(rate);
        if (json.equals(existing.get(rate.code()))) {
          continue;
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO vat_rates (code, data, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (code) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at")) {
          ps.setString(1, rate.code());
          ps.setString(2, json);
          ps.setLong(3, nowMillis);
          ps.executeUpdate();
        }
        changes.add(new ChangeLog.Entry(Stream.CATALOG, null, "vat_rate", rate.code(), SyncCodec.toTree(rate)));
      }
      ChangeLog.appendAll(c, changes);
      return changes.size();
    });
  }

  /** Upserts categories; a parent must exist already or come in the same list. */
  public int upsertCategories(List<Category> categories, long nowMillis) {
    return db.inTransaction(c -> {
      Map<String, String> existing = keyedJson(c, "SELECT id, data FROM categories");
      Set<String> known = new HashSet<>(existing.keySet());
      categories.forEach(category -> known.add(category.id()));
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        Category category = categories.get(i);
        if (category.parentId() != null && !known.contains(category.parentId())) {
          errors.add(new FieldError("[" + i + "].parentId", "no category " + category.parentId()));
        }
      }
      if (!errors.isEmpty()) {
        throw new ImportRejectedException(errors);
      }
      List<ChangeLog.Entry> changes = new ArrayList<>();
      for (Category category : categories) {
        String json = SyncCodec.toJson(category);
        if (json.equals(existing.get(category.id()))) {
          continue;
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO categories (id, parent_id, data, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, data = excluded.data,"
                + " updated_at = excluded.updated_at")) {
          ps.setString(1, category.id());
          ps.setString(2, category.parentId());
          ps.setString(3, json);
          ps.setLong(4, nowMillis);
          ps.executeUpdate();
        }
        changes.add(new ChangeLog.Entry(Stream.CATALOG, null, "category", category.id(),
            SyncCodec.toTree(category)));
      }
      ChangeLog.appendAll(c, changes);
      return changes.size();
    });
  }

  /**
   * Upserts the products of an import, all or nothing: an unknown category or VAT rate, or a
   * barcode that belongs to a product outside the import, rejects the whole import with the lines
   * at fault. A barcode may move between products of the same import.
   */
  public ImportResult importProducts(List<ImportRow> rows, long nowMillis) {
    return db.inTransaction(c -> {
      Set<String> categories = keyedJson(c, "SELECT id, data FROM categories").keySet();
      Set<String> vatCodes = keyedJson(c, "SELECT code, data FROM vat_rates").keySet();
      Map<String, String> barcodeOwners = keyedJson(c, "SELECT barcode, sku FROM product_barcodes");
      Set<String> importedSkus = new HashSet<>();
      rows.forEach(row -> importedSkus.add(row.product().sku()));
      List<FieldError> errors = new ArrayList<>();
      for (ImportRow row : rows) {
        Product product = row.product();
        if (!categories.contains(product.categoryId())) {
          errors.add(new FieldError("line " + row.line() + ", category", "no category " + product.categoryId()));
        }
        if (!vatCodes.contains(product.vatCode())) {
          errors.add(new FieldError("line " + row.line() + ", vat_rate", "no VAT rate " + product.vatCode()));
        }
        for (String barcode : product.barcodes()) {
          String owner = barcodeOwners.get(barcode);
          if (owner != null && !owner.equals(product.sku()) && !importedSkus.contains(owner)) {
            errors.add(new FieldError("line " + row.line() + ", barcodes",
                "barcode " + barcode + " belongs to product " + owner));
          }
        }
      }
      if (!errors.isEmpty()) {
        throw new ImportRejectedException(errors.subList(0, Math.min(100, errors.size())));
      }
      return new ImportResult(rows.size(), writeProducts(c, rows, nowMillis));
    });
  }

  private static int writeProducts(Connection c, List<ImportRow> rows, long nowMillis) throws SQLException {
    Map<String, String> existing = keyedJson(c, "SELECT sku, data FROM products");
    List<Product> changed = new ArrayList<>();
    for (ImportRow row : rows) {
      if (!SyncCodec.toJson(row.product()).equals(existing.get(row.product().sku()))) {
        changed.add(row.product());
      }
    }
    try (PreparedStatement dropBarcodes = c.prepareStatement("DELETE FROM product_barcodes WHERE sku = ?")) {
      for (Product product : changed) {
        dropBarcodes.setString(1, product.sku());
        dropBarcodes.addBatch();
      }
      dropBarcodes.executeBatch();
    }
    try (PreparedStatement upsert = c.prepareStatement(
        "INSERT INTO products (sku, category_id, vat_code, price_minor, currency, data, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET category_id = excluded.category_id,"
            + " vat_code = excluded.vat_code, price_minor = excluded.price_minor, currency = excluded.currency,"
            + " data = excluded.data, updated_at = excluded.updated_at");
        PreparedStatement barcode = c.prepareStatement("INSERT INTO product_barcodes (barcode, sku) VALUES (?, ?)")) {
      for (Product product : changed) {
        upsert.setString(1, product.sku());
        upsert.setString(2, product.categoryId());
        upsert.setString(3, product.vatCode());
        upsert.setLong(4, product.price().minor());
        upsert.setString(5, product.price().currency().getCurrencyCode());
        upsert.setString(6, SyncCodec.toJson(product));
        upsert.setLong(7, nowMillis);
        upsert.addBatch();
        for (String code : product.barcodes()) {
          barcode.setString(1, code);
          barcode.setString(2, product.sku());
          barcode.addBatch();
        }
      }
      upsert.executeBatch();
      barcode.executeBatch();
    }
    // last, so the feed's sequence lock is held only until the commit just after
    ChangeLog.appendAll(c, changed.stream()
        .map(product -> new ChangeLog.Entry(Stream.CATALOG, null, "product", product.sku(), SyncCodec.toTree(product)))
        .toList());
    return changed.size();
  }

  /**
   * Takes a product out of the catalog (discontinued, or entered by mistake) and publishes its
   * tombstone, so every till drops it at its next pull and a new till's snapshot never has it.
   * Sales keep their own copy of each line, so history does not change. False when there is no
   * such product (nothing published).
   */
  public boolean deleteProduct(String sku) {
    return db.inTransaction(c -> {
      try (PreparedStatement barcodes = c.prepareStatement("DELETE FROM product_barcodes WHERE sku = ?");
          PreparedStatement product = c.prepareStatement("DELETE FROM products WHERE sku = ?")) {
        barcodes.setString(1, sku);
        barcodes.executeUpdate();
        product.setString(1, sku);
        if (product.executeUpdate() == 0) {
          return false;
        }
      }
      ChangeLog.appendAll(c, List.of(new ChangeLog.Entry(Stream.CATALOG, null, "product", sku, null)));
      return true;
    });
  }

  public Optional<Product> product(String sku) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT data FROM products WHERE sku = ?")) {
        ps.setString(1, sku);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(SyncCodec.fromJson(rs.getString(1), Product.class)) : Optional.empty();
        }
      }
    });
  }

  public Optional<String> skuByBarcode(String barcode) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT sku FROM product_barcodes WHERE barcode = ?")) {
        ps.setString(1, barcode);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  public int productCount() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM products");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  /** Distinct currencies of the stores: the catalog's currency when there is exactly one. */
  public Set<String> storeCurrencies() {
    return db.read(c -> {
      Set<String> currencies = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT currency FROM stores");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          currencies.add(rs.getString(1));
        }
      }
      return currencies;
    });
  }

  private static Map<String, String> keyedJson(Connection c, String sql) throws SQLException {
    Map<String, String> rows = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }
}
