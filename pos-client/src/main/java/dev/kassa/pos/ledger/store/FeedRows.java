package dev.kassa.pos.ledger.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.catalog.Category;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.sync.FeedStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's copies of central data (catalog, cards with their last confirmed balances,
 * program versions, coupons and gift certificates, conflicts), one row per entity, fed by the
 * change streams. A page and its cursor are applied in one transaction. Snapshot pages tag what they mention with a new
 * generation; the last snapshot page removes every entity of the stream the snapshot did not
 * mention.
 */
public final class FeedRows implements FeedStore {
  private static final Logger log = LoggerFactory.getLogger(FeedRows.class);
  private static final Set<String> KINDS = Set.of("product", "category", "vat_rate", "card", "card-balance", "program",
      "coupon", "certificate", "conflict");

  /**
   * Page size while a shift is open. A page is written in one transaction with its cursor, and that
   * transaction holds the ledger's one writer: a sale commit waits for it. A page of 1,000 cards
   * took about 10 ms to write on the benchmark machine and one of 1,000 products 20 to 30 ms (with
   * their barcodes); pages of 200 keep that wait to a few milliseconds. Without an open shift
   * (a fresh till's down-sync, a till after hours) the agent's setting stands.
   */
  static final int TRADING_PAGE_SIZE = 200;

  private final LedgerDatabase db;
  private final TerminalRows terminal;

  FeedRows(LedgerDatabase db, TerminalRows terminal) {
    this.db = db;
    this.terminal = terminal;
  }

  @Override
  public String cursor(Stream stream) {
    return db.read(() -> {
      CursorRow row = cursorRow(stream);
      return row == null ? "" : row.cursor;
    });
  }

  @Override
  public int pageSize(int configured) {
    boolean trading = db.read(() -> {
      try (ResultSet rs = db.statement("SELECT 1 FROM shifts WHERE closed_at IS NULL LIMIT 1").executeQuery()) {
        return rs.next();
      }
    });
    return trading ? Math.min(configured, TRADING_PAGE_SIZE) : configured;
  }

  @Override
  public void apply(PullResponse page) {
    // decode before the transaction: a malformed entity fails the page with a SyncFormatException
    for (Change change : page.changes()) {
      validate(change);
    }
    db.write(() -> {
      CursorRow row = cursorRow(page.stream());
      long gen = row == null ? 0 : row.gen;
      boolean inSnapshot = row != null && row.inSnapshot;
      if (page.snapshot() && !inSnapshot) {
        gen++;
        inSnapshot = true;
      }
      FeedEntityBatch entities = new FeedEntityBatch(db, page.stream().id(), gen, terminal.nextMark());
      BarcodeBatch barcodes = new BarcodeBatch(db);
      for (Change change : page.changes()) {
        if (KINDS.contains(change.kind())) {
          applyChange(entities, barcodes, change);
        } else {
          log.debug("skipping change of unknown kind {}", change.kind());
        }
      }
      entities.flush();
      barcodes.write();
      if (page.snapshot() && !page.hasMore()) {
        dropUnmentioned(page.stream(), gen);
        inSnapshot = false;
      }
      PreparedStatement st = db.statement(
          "INSERT OR REPLACE INTO feed_cursors (stream, cursor, gen, in_snapshot) VALUES (?,?,?,?)");
      st.setString(1, page.stream().id());
      st.setString(2, page.cursor());
      st.setLong(3, gen);
      st.setInt(4, inSnapshot ? 1 : 0);
      st.executeUpdate();
      return null;
    });
  }

  private static void validate(Change change) {
    if (change.deleted()) {
      return;
    }
    switch (change.kind()) {
      case "product" -> SyncCodec.fromTree(change.data(), Product.class);
      case "category" -> SyncCodec.fromTree(change.data(), Category.class);
      case "card", "card-balance" -> {
        if (!change.data().path("balance").canConvertToLong()) {
          throw new dev.kassa.model.sync.SyncFormatException("balance", "card " + change.key() + " without a points balance", null);
        }
      }
      default -> { }
    }
  }

  private void applyChange(FeedEntityBatch entities, BarcodeBatch barcodes, Change change) throws SQLException {
    if (change.kind().equals("product")) {
      List<String> codes = new ArrayList<>();
      if (!change.deleted()) {
        change.data().path("barcodes").forEach(code -> codes.add(code.asText()));
      }
      barcodes.product(change.key(), codes);
    }
    if (change.deleted()) {
      // the rows batched before this one go first, as they came
      entities.flush();
      PreparedStatement st = db.statement("DELETE FROM feed_entities WHERE kind = ? AND key = ?");
      st.setString(1, change.kind());
      st.setString(2, change.key());
      st.executeUpdate();
      return;
    }
    // the text as it came over the wire when the client kept it: a million entities are not written out again
    entities.add(change.kind(), change.key(), change.dataJson());
  }

  private void dropUnmentioned(Stream stream, long gen) throws SQLException {
    // the barcodes of the products dropped, found by the stream's index: checking every barcode
    // against every product took 50 ms at 100,000 products (Python sqlite3, this machine), holding the
    // writer at the end of each catalog snapshot
    PreparedStatement barcodes = db.statement("DELETE FROM product_barcodes WHERE sku IN"
        + " (SELECT key FROM feed_entities WHERE stream = ? AND gen < ? AND kind = 'product')");
    barcodes.setString(1, stream.id());
    barcodes.setLong(2, gen);
    barcodes.executeUpdate();
    PreparedStatement st = db.statement("DELETE FROM feed_entities WHERE stream = ? AND gen < ?");
    st.setString(1, stream.id());
    st.setLong(2, gen);
    int dropped = st.executeUpdate();
    log.info("snapshot of {} complete, {} entities it no longer has removed", stream.id(), dropped);
  }

  @Override
  public void resetCursor(Stream stream) {
    db.write(() -> {
      PreparedStatement st = db.statement("UPDATE feed_cursors SET cursor = '', in_snapshot = 0 WHERE stream = ?");
      st.setString(1, stream.id());
      st.executeUpdate();
      return null;
    });
  }

  @Override
  public int openConflicts() {
    return db.read(() -> {
      // the server sends a conflict with its status; a retracted one arrives as a deletion
      try (ResultSet rs = db.statement("SELECT count(*) FROM feed_entities WHERE kind = 'conflict'"
          + " AND coalesce(json_extract(json, '$.status'), 'OPEN') = 'OPEN'").executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  /** The keys of every entity of {@code kind} held, in key order (the simulator picks from them). */
  public java.util.List<String> keys(String kind) {
    return db.read(() -> {
      PreparedStatement st = db.statement("SELECT key FROM feed_entities WHERE kind = ? ORDER BY key");
      st.setString(1, kind);
      java.util.List<String> keys = new java.util.ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
      return keys;
    });
  }

  /** The stored JSON of one entity, or empty. */
  public Optional<JsonNode> entity(String kind, String key) {
    return db.read(() -> Optional.ofNullable(entityRow(kind, key)).map(r -> SyncCodec.fromJson(r.json, JsonNode.class)));
  }

  public Optional<Product> product(String sku) {
    return entity("product", sku).map(node -> SyncCodec.fromTree(node, Product.class));
  }

  public Optional<Product> productByBarcode(String barcode) {
    String sku = db.read(() -> {
      PreparedStatement st = db.statement("SELECT sku FROM product_barcodes WHERE barcode = ?");
      st.setString(1, barcode);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    });
    return sku == null ? Optional.empty() : product(sku);
  }

  public Optional<Category> category(String id) {
    return entity("category", id).map(node -> SyncCodec.fromTree(node, Category.class));
  }

  /** The newest program version held, by numeric key. */
  public Optional<JsonNode> latestProgram() {
    return db.read(() -> {
      try (ResultSet rs = db.statement("SELECT json FROM feed_entities WHERE kind = 'program'"
          + " ORDER BY CAST(key AS INTEGER) DESC LIMIT 1").executeQuery()) {
        return rs.next() ? Optional.of(SyncCodec.fromJson(rs.getString(1), JsonNode.class)) : Optional.<JsonNode>empty();
      }
    });
  }

  /** The card's last confirmed balance and when (in local marks) it was received; null when unknown. */
  CardRow card(String cardNumber) throws SQLException {
    // the server issues a card with balance 0 ("card") and moves its balance with "card-balance"
    Row row = entityRow("card-balance", cardNumber);
    if (row == null) {
      row = entityRow("card", cardNumber);
    }
    if (row == null) {
      return null;
    }
    JsonNode card = SyncCodec.fromJson(row.json, JsonNode.class);
    // spend, first purchase and birthday come with servers that publish them; older rows lack them
    return new CardRow(card.path("balance").asLong(), row.mark, card.path("spend12m").asLong(0),
        instant(card.path("firstPurchaseAt")), date(card.path("birthday")));
  }

  /** Null when absent or unreadable: the card is then tiered knowing less, never refused at the till. */
  private static Instant instant(JsonNode node) {
    try {
      return node.isTextual() ? Instant.parse(node.asText()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate date(JsonNode node) {
    try {
      return node.isTextual() ? LocalDate.parse(node.asText()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  record CardRow(long confirmedBalance, long mark, long spend12m, Instant firstPurchaseAt, LocalDate birthday) {}

  private record Row(String json, long mark) {}

  private Row entityRow(String kind, String key) throws SQLException {
    PreparedStatement st = db.statement("SELECT json, mark FROM feed_entities WHERE kind = ? AND key = ?");
    st.setString(1, kind);
    st.setString(2, key);
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? new Row(rs.getString(1), rs.getLong(2)) : null;
    }
  }

  private record CursorRow(String cursor, long gen, boolean inSnapshot) {}

  private CursorRow cursorRow(Stream stream) throws SQLException {
    PreparedStatement st = db.statement("SELECT cursor, gen, in_snapshot FROM feed_cursors WHERE stream = ?");
    st.setString(1, stream.id());
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? new CursorRow(rs.getString(1), rs.getLong(2), rs.getInt(3) != 0) : null;
    }
  }
}
