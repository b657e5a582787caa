package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.sync.SyncFormatException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsAndOutboxTest {
  @TempDir Path dir;
  TerminalLedger ledger;

  @BeforeEach
  void open() {
    ledger = TerminalLedger.open(Sales.config(dir));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  static Change product(String sku, String barcode, long price) {
    var product = new Product(sku, List.of(barcode), Map.of("ru", "Молоко " + sku), "cat-1", rub(price), "VAT10",
        false, Set.of());
    return new Change("product", sku, false, SyncCodec.toTree(product));
  }

  static Change card(String number, long balance) {
    return new Change("card", number, false, SyncCodec.mapper().createObjectNode()
        .put("cardNumber", number).put("balance", balance).put("asOf", "2026-01-01T00:00:00Z"));
  }

  static PullResponse page(Stream stream, String cursor, boolean snapshot, boolean hasMore, Change... changes) {
    return new PullResponse(1, stream, cursor, snapshot, hasMore, List.of(changes));
  }

  @Test
  void aPageAndItsCursorAreAppliedTogether() {
    ledger.feeds().apply(page(Stream.CATALOG, "c1", false, false, product("p1", "4600000000015", 8990)));

    assertThat(ledger.feeds().cursor(Stream.CATALOG)).isEqualTo("c1");
    assertThat(ledger.feeds().productByBarcode("4600000000015")).get().extracting(Product::price).isEqualTo(rub(8990));
    assertThat(ledger.feeds().cursor(Stream.CARDS)).isEmpty();
  }

  @Test
  void aMalformedEntityFailsThePageAndKeepsTheOldCursor() {
    ledger.feeds().apply(page(Stream.CATALOG, "c1", false, false, product("p1", "4600000000015", 8990)));
    Change broken = new Change("product", "p2", false, SyncCodec.mapper().createObjectNode().put("sku", "p2"));

    assertThatThrownBy(() -> ledger.feeds().apply(page(Stream.CATALOG, "c2", false, false,
        product("p3", "4600000000039", 100), broken))).isInstanceOf(SyncFormatException.class);
    assertThat(ledger.feeds().cursor(Stream.CATALOG)).isEqualTo("c1");
    assertThat(ledger.feeds().product("p3")).isEmpty();
  }

  /**
   * The database refuses a row well inside the page (a trigger stands in for a constraint or a
   * full disk): by then a full multi-row INSERT and dozens of single ones, with their barcodes,
   * were written in the page's transaction. None of them stays, and neither does the cursor.
   */
  @Test
  void aPageRefusedHalfwayThroughLeavesNeitherRowsNorCursor() throws Exception {
    ledger.feeds().apply(page(Stream.CATALOG, "c1", false, false, product("p1", "4600000000015", 8990)));
    sql("CREATE TRIGGER refuse_p150 BEFORE INSERT ON feed_entities WHEN NEW.key = 'p150'"
        + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
    Change[] changes = new Change[200];
    for (int i = 0; i < changes.length; i++) {
      changes[i] = product("p" + i, "2" + String.format("%012d", i), 100 + i);
    }

    assertThatThrownBy(() -> ledger.feeds().apply(page(Stream.CATALOG, "c2", false, false, changes)))
        .isInstanceOf(LedgerException.class);

    assertThat(ledger.feeds().cursor(Stream.CATALOG)).isEqualTo("c1");
    assertThat(ledger.feeds().keys("product")).containsExactly("p1");
    assertThat(ledger.feeds().product("p1")).get().extracting(Product::price).isEqualTo(rub(8990));
    assertThat(ledger.feeds().productByBarcode("2" + String.format("%012d", 0))).isEmpty();
    assertThat(ledger.feeds().productByBarcode("4600000000015")).isPresent();
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
        Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @Test
  void unknownKindsAreSkippedAndTombstonesDelete() {
    ledger.feeds().apply(page(Stream.CATALOG, "c1", false, false, product("p1", "4600000000015", 8990),
        new Change("hologram", "h1", false, SyncCodec.mapper().createObjectNode())));
    ledger.feeds().apply(page(Stream.CATALOG, "c2", false, false, Change.tombstone("product", "p1")));

    assertThat(ledger.feeds().product("p1")).isEmpty();
    assertThat(ledger.feeds().productByBarcode("4600000000015")).isEmpty();
    assertThat(ledger.feeds().entity("hologram", "h1")).isEmpty();
  }

  @Test
  void aLargePageKeepsTheOrderOfItsChangesForTheSameKey() {
    List<Change> changes = new java.util.ArrayList<>();
    for (int i = 0; i < 250; i++) {
      changes.add(card("c" + i, i));
    }
    changes.add(card("c7", 700));
    changes.add(Change.tombstone("card", "c8"));
    changes.add(card("c9", 900));
    changes.add(Change.tombstone("card", "c9"));
    changes.add(Change.tombstone("card", "c10"));
    changes.add(card("c10", 1000));
    ledger.feeds().apply(new PullResponse(1, Stream.CARDS, "k1", false, false, changes));

    assertThat(ledger.feeds().keys("card")).hasSize(248).doesNotContain("c8", "c9");
    assertThat(ledger.feeds().entity("card", "c7")).get().extracting(n -> n.path("balance").asLong()).isEqualTo(700L);
    assertThat(ledger.feeds().entity("card", "c10")).get().extracting(n -> n.path("balance").asLong()).isEqualTo(1000L);
    assertThat(ledger.feeds().entity("card", "c249")).get().extracting(n -> n.path("balance").asLong()).isEqualTo(249L);
    assertThat(ledger.feeds().cursor(Stream.CARDS)).isEqualTo("k1");
  }

  /**
   * A page's barcodes are written in batches (every product of the page loses its old ones, then
   * the new ones go in, in page order): the outcome must be the one of applying the same changes one
   * page each, whatever the page holds. Random pages of products with shared, moving and repeated
   * barcodes, repeated SKUs and tombstones, over 100 products a page (more than one statement).
   */
  @Test
  void aPagesBarcodesEndAsIfItsChangesWereAppliedOneByOne(@TempDir Path other) {
    try (TerminalLedger oneByOne = TerminalLedger.open(Sales.config(other))) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(42);
      Set<String> barcodes = new java.util.TreeSet<>();
      for (int round = 0; round < 6; round++) {
        List<Change> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 260; i++) {
          String sku = "p" + random.nextInt(150);
          if (random.nextInt(8) == 0) {
            changes.add(Change.tombstone("product", sku));
            continue;
          }
          List<String> codes = new java.util.ArrayList<>();
          for (int k = random.nextInt(3); k >= 0; k--) {
            codes.add("2" + String.format("%012d", random.nextInt(400)));
          }
          barcodes.addAll(codes);
          var product = new Product(sku, codes.stream().distinct().toList(), Map.of("ru", "Товар " + sku), "cat-1",
              rub(100 + i), "VAT10", false, Set.of());
          changes.add(new Change("product", sku, false, SyncCodec.toTree(product)));
        }
        ledger.feeds().apply(new PullResponse(1, Stream.CATALOG, "r" + round, false, false, changes));
        for (Change change : changes) {
          oneByOne.feeds().apply(page(Stream.CATALOG, "r" + round, false, false, change));
        }
        for (String barcode : barcodes) {
          assertThat(ledger.feeds().productByBarcode(barcode).map(Product::sku))
              .as("barcode %s after round %d", barcode, round)
              .isEqualTo(oneByOne.feeds().productByBarcode(barcode).map(Product::sku));
        }
      }
      assertThat(barcodes).hasSizeGreaterThan(300);
      assertThat(barcodes.stream().filter(b -> ledger.feeds().productByBarcode(b).isPresent()).count())
          .as("some barcodes end on a product, some nowhere").isBetween(50L, (long) barcodes.size() - 1);
    }
  }

  /**
   * While a shift is open the till asks for small pages, each written in a short transaction a sale
   * commit may have to wait for; with no shift open (a fresh till's down-sync) the setting stands.
   */
  @Test
  void asksForSmallPagesWhileAShiftIsOpen() {
    assertThat(ledger.feeds().pageSize(1000)).isEqualTo(1000);

    ledger.openShift("cashier-1", rub(0));
    assertThat(ledger.feeds().pageSize(1000)).isEqualTo(200);
    assertThat(ledger.feeds().pageSize(50)).isEqualTo(50);

    ledger.closeShift("manager-1");
    assertThat(ledger.feeds().pageSize(1000)).isEqualTo(1000);
  }

  @Test
  void aCompletedSnapshotRemovesWhatItDidNotMention() {
    ledger.feeds().apply(page(Stream.CATALOG, "c1", false, false, product("old", "4600000000022", 100),
        product("kept", "4600000000015", 200)));
    ledger.feeds().resetCursor(Stream.CATALOG);

    ledger.feeds().apply(page(Stream.CATALOG, "s1", true, true, product("kept", "4600000000015", 250)));
    assertThat(ledger.feeds().product("old")).as("still there until the snapshot ends").isPresent();
    ledger.feeds().apply(page(Stream.CATALOG, "s2", true, false, product("new", "4600000000039", 300)));

    assertThat(ledger.feeds().product("old")).isEmpty();
    assertThat(ledger.feeds().productByBarcode("4600000000022")).isEmpty();
    assertThat(ledger.feeds().product("kept")).get().extracting(Product::price).isEqualTo(rub(250));
    assertThat(ledger.feeds().product("new")).isPresent();
    assertThat(ledger.feeds().cursor(Stream.CATALOG)).isEqualTo("s2");
  }

  @Test
  void giftCertificatesFromTheCouponsFeedAreKeptAndReplacedByTheirNextState() {
    ledger.feeds().apply(page(Stream.COUPONS, "k1", false, false,
        new Change("certificate", "GC-0001", false, SyncCodec.mapper().createObjectNode().put("blocked", false))));
    ledger.feeds().apply(page(Stream.COUPONS, "k2", false, false,
        new Change("certificate", "GC-0001", false, SyncCodec.mapper().createObjectNode().put("blocked", true))));

    assertThat(ledger.feeds().entity("certificate", "GC-0001")).get()
        .extracting(n -> n.path("blocked").asBoolean()).isEqualTo(true);
  }

  @Test
  void programsCouponsAndConflictsAreKeptAsTheirJson() {
    ledger.feeds().apply(page(Stream.PROGRAMS, "p", false, false,
        new Change("program", "1", false, SyncCodec.mapper().createObjectNode().put("version", 1)),
        new Change("program", "2", false, SyncCodec.mapper().createObjectNode().put("version", 2))));
    ledger.feeds().apply(page(Stream.COUPONS, "k", false, false,
        new Change("coupon", "SPRING", false, SyncCodec.mapper().createObjectNode().put("code", "SPRING"))));
    ledger.feeds().apply(page(Stream.CONFLICTS, "x", false, false,
        new Change("conflict", "c1", false, SyncCodec.mapper().createObjectNode().put("card", "1")),
        new Change("conflict", "c2", false, SyncCodec.mapper().createObjectNode().put("status", "RESOLVED"))));

    assertThat(ledger.feeds().latestProgram()).get().extracting(n -> n.path("version").asInt()).isEqualTo(2);
    assertThat(ledger.feeds().entity("coupon", "SPRING")).get().extracting(JsonNode::toString).asString().contains("SPRING");
    assertThat(ledger.feeds().openConflicts()).isEqualTo(1);
  }

  @Test
  void offlineBalanceIsTheConfirmedBalancePlusEntriesTheServerHasNotReflectedYet() {
    ledger.feeds().apply(page(Stream.CARDS, "k1", false, false, card(Sales.CARD, 500)));
    ledger.openShift("cashier-1", rub(0));
    ledger.completeSale(Sales.withPoints(2, 40, ledger.hybridClock()));
    assertThat(ledger.offlineBalance(Sales.CARD)).isEqualTo(540);

    // pushed and accepted: still counted until a balance received afterwards includes it
    List<SyncEvent> pending = ledger.outbox().pending(100, 1 << 20);
    ledger.outbox().markSynced(pending.stream().map(SyncEvent::id).toList());
    assertThat(ledger.offlineBalance(Sales.CARD)).isEqualTo(540);
    assertThat(ledger.outbox().pendingCount()).isZero();

    ledger.feeds().apply(page(Stream.CARDS, "k2", false, false, card(Sales.CARD, 540)));
    assertThat(ledger.offlineBalance(Sales.CARD)).isEqualTo(540);
    assertThat(ledger.offlineBalance("unknown-card")).isZero();
  }

  @Test
  void rejectedEventsLeaveTheQueueAndAreKeptWithTheReason() {
    ledger.openShift("cashier-1", rub(0));
    ledger.completeSale(Sales.withPoints(1, 30, ledger.hybridClock()));
    List<SyncEvent> pending = ledger.outbox().pending(100, 1 << 20);
    SyncEvent entry = pending.get(pending.size() - 1);

    ledger.outbox().markRejected(entry.id(), "card blocked");

    assertThat(ledger.outbox().pendingCount()).isEqualTo(pending.size() - 1);
    assertThat(ledger.outbox().rejected()).singleElement().asString().contains("card blocked");
    assertThat(ledger.offlineBalance(Sales.CARD)).isZero();
  }

  @Test
  void pendingStopsAtTheByteBudgetButAlwaysReturnsOne() {
    ledger.openShift("cashier-1", rub(0));
    for (int i = 0; i < 5; i++) {
      ledger.completeSale(Sales.cash(5));
    }
    assertThat(ledger.outbox().pending(100, 1)).hasSize(1);
    assertThat(ledger.outbox().pending(3, 1 << 20)).hasSize(3);
    assertThat(ledger.outbox().pending(100, 1 << 20)).hasSize(6);
  }
}
