package dev.kassa.pos.bench;

import dev.kassa.model.catalog.Category;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.VatRate;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.money.Money;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.store.Database;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a PostgreSQL server's catalog and cards in bulk (COPY), as a large chain's server holds
 * them, with each entity's feed row in the JSON the server itself writes (the product record through
 * SyncCodec; a card as {@code CardStore} publishes an issued one). Not what is measured: the
 * benchmark times the terminal's pull of what is seeded here.
 */
final class FeedSeed {
  private static final int CATEGORIES = 50;
  private static final int CHUNK = 50_000;
  /** Each entity's feed row (store_key '' : for every store). */
  private static final String LATEST = "feed_latest (stream, kind, entity_key, store_key, seq, data, changed_at)";

  private final Database db;
  private long seq;

  FeedSeed(Database db) {
    this.db = db;
  }

  void seed(int products, int cards) {
    long now = System.currentTimeMillis();
    CatalogStore catalog = new CatalogStore(db);
    catalog.upsertVatRates(List.of(new VatRate("VAT20", "20%", List.of(new VatRate.Period(LocalDate.of(2019, 1, 1),
        2000))), new VatRate("VAT10", "10%", List.of(new VatRate.Period(LocalDate.of(2019, 1, 1), 1000)))), now);
    List<Category> categories = new ArrayList<>();
    for (int i = 0; i < CATEGORIES; i++) {
      categories.add(new Category("cat-" + i, Map.of("en", "Category " + i), null));
    }
    catalog.upsertCategories(categories, now);
    seq = db.read(FeedSeed::lastSeq);
    for (int from = 0; from < products; from += CHUNK) {
      copyProducts(from, Math.min(products, from + CHUNK), now);
    }
    LoyaltyCardFormat format = LoyaltyCardFormat.standard();
    for (int from = 0; from < cards; from += CHUNK) {
      copyCards(format, from, Math.min(cards, from + CHUNK), now);
    }
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE change_seq SET n = ? WHERE id = 1")) {
        ps.setLong(1, seq);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("ANALYZE")) {
        ps.execute();
      }
      return null;
    });
  }

  private void copyProducts(int from, int to, long now) {
    StringBuilder rows = new StringBuilder();
    StringBuilder barcodes = new StringBuilder();
    StringBuilder latest = new StringBuilder();
    for (int i = from; i < to; i++) {
      String sku = String.format("SKU-%07d", i);
      String barcode = ean13(2_000_000_000L + i);
      Product product = new Product(sku, List.of(barcode), Map.of("en", "Product " + i, "ru", "Товар " + i),
          "cat-" + (i % CATEGORIES), Money.ofMinor(1_000 + (i * 37L) % 500_000, "RUB"), i % 3 == 0 ? "VAT10" : "VAT20",
          i % 50 == 0, Set.of());
      String json = SyncCodec.toJson(product);
      row(rows, sku, product.categoryId(), product.vatCode(), Long.toString(product.price().minor()), "RUB", json,
          Long.toString(now));
      row(barcodes, barcode, sku);
      row(latest, "catalog", "product", sku, "", Long.toString(++seq), json, Long.toString(now));
    }
    copy("products (sku, category_id, vat_code, price_minor, currency, data, updated_at)", rows);
    copy("product_barcodes (barcode, sku)", barcodes);
    copy(LATEST, latest);
  }

  private void copyCards(LoyaltyCardFormat format, int from, int to, long now) {
    StringBuilder rows = new StringBuilder();
    StringBuilder latest = new StringBuilder();
    for (int i = from; i < to; i++) {
      long serial = i + 1L;
      String number = ((CodeResult.Ok<String>) format.generate(serial)).value();
      row(rows, number, Long.toString(serial), "\\N", "ACTIVE", "\\N", "\\N", "\\N", Long.toString(now));
      String json = "{\"balance\":" + (i % 7) * 100 + ",\"number\":\"" + number + "\",\"status\":\"ACTIVE\"}";
      row(latest, Stream.CARDS.id(), "card", number, "", Long.toString(++seq), json, Long.toString(now));
    }
    copy("cards (card_number, serial, batch_id, status, holder_name, phone, birthday, issued_at)", rows);
    copy(LATEST, latest);
  }

  /** One COPY text-format row; values hold no tabs or newlines, and backslashes only in "\N" (null). */
  private static void row(StringBuilder out, String... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      out.append(values[i]);
    }
    out.append('\n');
  }

  private void copy(String table, StringBuilder rows) {
    db.inTransaction(c -> {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      try {
        copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  private static long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT n FROM change_seq WHERE id = 1");
         var rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String ean13(long twelveDigits) {
    String digits = Long.toString(twelveDigits);
    digits = "0".repeat(12 - digits.length()) + digits;
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return digits + (10 - sum % 10) % 10;
  }
}
