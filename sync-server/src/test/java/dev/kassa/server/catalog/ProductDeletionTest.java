package dev.kassa.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.demo.CatalogCsv;
import dev.kassa.model.demo.DemoData;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A product taken out of the catalog reaches the tills as a tombstone, on both engines. */
class ProductDeletionTest {
  private static final DemoData DEMO = DemoData.standard();

  private static PullResponse pullCatalog(TestServer server, String cursor) {
    TestHttp.Response page = server.http().get("/api/v1/sync/pull/catalog?limit=1000&cursor=" + cursor,
        server.terminalToken());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.as(PullResponse.class);
  }

  private static List<String> productKeys(PullResponse page) {
    return page.changes().stream().filter(change -> change.kind().equals("product")).map(Change::key).toList();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aProductTakenOutIsATombstoneInTheNextPullAndGoneFromANewSnapshot(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      CatalogImportTest.prepareReferences(server);
      Product kept = DEMO.products().get(0);
      Product gone = DEMO.products().get(1);
      TestHttp.Response imported = server.http().post("/api/v1/admin/catalog/import?currency=RUB",
          server.adminToken(), CatalogCsv.write(List.of(kept, gone)));
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
      PullResponse before = pullCatalog(server, "");

      TestHttp.Response deleted = server.http().send("DELETE", "/api/v1/admin/catalog/products/" + gone.sku(),
          server.adminToken(), null);
      PullResponse next = pullCatalog(server, before.cursor());
      PullResponse fresh = pullCatalog(server, "");

      assertThat(before.snapshot()).isTrue();
      assertThat(productKeys(before)).containsExactlyInAnyOrder(kept.sku(), gone.sku());
      assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
      assertThat(next.changes()).singleElement().satisfies(change -> {
        assertThat(change.kind()).isEqualTo("product");
        assertThat(change.key()).isEqualTo(gone.sku());
        assertThat(change.deleted()).isTrue();
        assertThat(change.data()).isNull();
      });
      assertThat(productKeys(fresh)).containsExactly(kept.sku());
      CatalogStore store = new CatalogStore(server.services().db());
      assertThat(store.product(gone.sku())).isEmpty();
      assertThat(store.skuByBarcode(gone.barcodes().get(0))).isEmpty();
      assertThat(store.product(kept.sku())).contains(kept);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void takingOutAnUnknownProductIsA404AndPublishesNothing(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      CatalogImportTest.prepareReferences(server);
      PullResponse before = pullCatalog(server, "");

      TestHttp.Response answer = server.http().send("DELETE", "/api/v1/admin/catalog/products/no-such-sku",
          server.adminToken(), null);
      PullResponse next = pullCatalog(server, before.cursor());

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.body()).contains("no product no-such-sku");
      assertThat(next.changes()).isEmpty();
    }
  }
}
