package dev.kassa.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.demo.CatalogCsv;
import dev.kassa.model.demo.DemoData;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.ServerPerEngine;
import dev.kassa.server.testing.Changes;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalog is global and the tests share one server per engine, so each test asserts on what
 * its own request changed (counts before and after), not on absolute counts.
 */
public class CatalogImportTest {
  private static final DemoData DEMO = DemoData.standard();
  private static final String IMPORT = "/api/v1/admin/catalog/import?currency=RUB";
  private static final ServerPerEngine SERVERS = new ServerPerEngine();

  @AfterAll
  static void stop() {
    SERVERS.close();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importsTheDemoCatalogAndAReimportChangesNothing(Engine engine) {
    TestServer server = SERVERS.get(engine);
    prepareReferences(server);
    TestHttp.Response first = server.http().post(IMPORT, server.adminToken(), DEMO.catalogCsv());
    long changesAfterFirst = Changes.lastSeq(server, "product");
    TestHttp.Response again = server.http().post(IMPORT, server.adminToken(), DEMO.catalogCsv());

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("rows").asInt()).isEqualTo(DEMO.products().size());
    assertThat(again.json().get("changed").asInt()).isZero();
    assertThat(Changes.lastSeq(server, "product")).isEqualTo(changesAfterFirst);
    CatalogStore store = new CatalogStore(server.services().db());
    Product sample = DEMO.products().get(17);
    assertThat(store.product(sample.sku())).contains(sample);
    assertThat(store.productCount()).isEqualTo(DEMO.products().size());
    TestHttp.Response fetched = server.http().get("/api/v1/admin/catalog/products/" + sample.sku(),
        server.adminToken());
    assertThat(SyncCodec.fromJson(fetched.body(), Product.class)).isEqualTo(sample);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFileWithBadLinesIsRejectedWholeWithEveryLineNamed(Engine engine) {
    TestServer server = SERVERS.get(engine);
    prepareReferences(server);
    int productsBefore = new CatalogStore(server.services().db()).productCount();
    long changesBefore = Changes.lastSeq(server, "product");
    List<String> lines = new ArrayList<>(List.of(DEMO.catalogCsv().split("\n")));
    lines.set(3, lines.get(3).replaceFirst(",(\\d+),(STANDARD|REDUCED),", ",12.50,$2,"));
    lines.set(5, "'; DROP TABLE products; --,,x,,no-such-category,100,STANDARD,false,");
    lines.set(7, lines.get(7).replaceFirst(",(true|false),", ",maybe,"));
    TestHttp.Response answer = server.http().post(IMPORT, server.adminToken(), String.join("\n", lines));

    assertThat(answer.status()).isEqualTo(400);
    JsonNode errors = answer.json().get("errors");
    List<String> fields = new ArrayList<>();
    errors.forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).contains("line 4, price_minor", "line 8, sold_by_weight");
    assertThat(new CatalogStore(server.services().db()).productCount()).isEqualTo(productsBefore);
    assertThat(Changes.lastSeq(server, "product")).isEqualTo(changesBefore);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void unknownCategoriesAndStolenBarcodesAreRejectedByLine(Engine engine) {
    TestServer server = SERVERS.get(engine);
    prepareReferences(server);
    Product owner = DEMO.products().get(0);
    Product thief = DEMO.products().get(1);
    assertThat(server.http().post(IMPORT, server.adminToken(), CatalogCsv.write(List.of(owner))).status())
        .isEqualTo(200);
    Product stealing = new Product(thief.sku(), owner.barcodes(), thief.names(), "no-such-category",
        thief.price(), thief.vatCode(), thief.soldByWeight(), thief.flags());

    TestHttp.Response answer = server.http().post(IMPORT, server.adminToken(),
        CatalogCsv.write(List.of(stealing)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("line 2, category").contains("belongs to product " + owner.sku());
    assertThat(new CatalogStore(server.services().db()).product(thief.sku())
        .map(Product::categoryId)).isNotEqualTo(java.util.Optional.of("no-such-category"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aWrongHeaderOrBrokenQuotingIsAClearProblem(Engine engine) {
    TestServer server = SERVERS.get(engine);
    TestHttp.Response header = server.http().post(IMPORT, server.adminToken(), "sku,name\n1,x\n");
    TestHttp.Response quoting = server.http().post(IMPORT, server.adminToken(),
        CatalogCsv.HEADER + "\n\"unclosed,x\n");

    assertThat(header.status()).isEqualTo(400);
    assertThat(header.body()).contains("line 1").contains("header");
    assertThat(quoting.status()).isEqualTo(400);
    assertThat(quoting.body()).contains("line 2").contains("never closed");
  }

  public static void prepareReferences(TestServer server) {
    assertThat(server.http().post("/api/v1/admin/catalog/vat-rates", server.adminToken(), DEMO.vatRates()).status())
        .isEqualTo(200);
    TestHttp.Response categories = server.http().post("/api/v1/admin/catalog/categories", server.adminToken(),
        DEMO.categories());
    assertThat(categories.status()).as(categories.body()).isEqualTo(200);
  }
}
