package dev.kassa.pos.ledger.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The barcodes of one feed page's products on their way into {@code product_barcodes}: each
 * product's old barcodes are removed and its new ones written, {@value #ROWS_PER_STATEMENT} to a
 * statement. A catalog page of a thousand products took two statements a product before, and the
 * page holds the ledger's one writer while it is written: a sale commit waited for all of it.
 *
 * <p>The same rows as one product at a time: within a run of changes to distinct products, every
 * product of the run losing its barcodes first and then the new ones going in, in page order, ends
 * as deleting and inserting product by product would (a delete only touches its own product's rows,
 * and a barcode that moved to a later product of the run belongs to it). A product that comes again
 * (a page names each entity once, but a store must not rely on it) ends the run before it.
 * Used inside the page's write transaction only.
 */
final class BarcodeBatch {
  static final int ROWS_PER_STATEMENT = 100;
  private static final String DELETE = "DELETE FROM product_barcodes WHERE sku IN ";
  private static final String INSERT = "INSERT OR REPLACE INTO product_barcodes (barcode, sku) VALUES ";

  private final LedgerDatabase db;
  /** The run's products: barcodes by SKU, in page order; empty for a deleted product. */
  private final Map<String, List<String>> bySku = new LinkedHashMap<>();

  BarcodeBatch(LedgerDatabase db) {
    this.db = db;
  }

  /** A product as the page has it: its barcodes, none when it was deleted. */
  void product(String sku, List<String> barcodes) throws SQLException {
    if (bySku.containsKey(sku)) {
      write();
    }
    bySku.put(sku, barcodes);
  }

  void write() throws SQLException {
    List<String> skus = new ArrayList<>(bySku.keySet());
    for (int from = 0; from < skus.size(); from += ROWS_PER_STATEMENT) {
      List<String> chunk = skus.subList(from, Math.min(skus.size(), from + ROWS_PER_STATEMENT));
      PreparedStatement st = db.statement(DELETE + "(" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")");
      for (int i = 0; i < chunk.size(); i++) {
        st.setString(i + 1, chunk.get(i));
      }
      st.executeUpdate();
    }
    List<String[]> rows = new ArrayList<>();
    bySku.forEach((sku, barcodes) -> barcodes.forEach(barcode -> rows.add(new String[] {barcode, sku})));
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<String[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      PreparedStatement st = db.statement(INSERT + String.join(",", Collections.nCopies(chunk.size(), "(?,?)")));
      int p = 1;
      for (String[] row : chunk) {
        st.setString(p++, row[0]);
        st.setString(p++, row[1]);
      }
      st.executeUpdate();
    }
    bySku.clear();
  }
}
