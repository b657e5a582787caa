package dev.kassa.server.bench;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.Gtin;
import dev.kassa.model.code.GtinFormat;
import dev.kassa.model.demo.CatalogCsv;
import dev.kassa.model.demo.DemoData;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports a large catalog (100,000 products by default, {@code --products N}) through the real
 * HTTP API into a fresh server on SQLite and on embedded PostgreSQL: once into an empty catalog
 * (every product written and published to the catalog feed) and once more unchanged (validated and
 * compared, nothing written). The products are the demo catalog's, repeated under new SKUs and
 * EAN-13 barcodes.
 *
 * <p>{@code --report BENCHMARKS.md} rewrites this benchmark's section.
 */
public final class CatalogImportBenchmark {
  private static final String IMPORT = "/api/v1/admin/catalog/import?currency=RUB";

  private CatalogImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = intArg(args, "--products", 100_000);
    DemoData demo = DemoData.standard();
    String csv = CatalogCsv.write(products(demo, count));
    StringBuilder table = new StringBuilder("| engine | first import | products/s | unchanged re-import | products/s |\n"
        + "| --- | --- | --- | --- | --- |\n");
    for (Engine engine : Engine.values()) {
      try (TestServer server = TestServer.start(engine)) {
        TestHttp http = new TestHttp("http://localhost:" + server.port(), Duration.ofMinutes(15));
        require(http.post("/api/v1/admin/catalog/vat-rates", server.adminToken(), demo.vatRates()), 200);
        require(http.post("/api/v1/admin/catalog/categories", server.adminToken(), demo.categories()), 200);
        long first = timed(() -> require(http.post(IMPORT, server.adminToken(), csv), 200));
        long again = timed(() -> require(http.post(IMPORT, server.adminToken(), csv), 200));
        String row = String.format(Locale.ROOT, "| %s | %.2f s | %,.0f | %.2f s | %,.0f |%n", engine.name(),
            first / 1e9, count / (first / 1e9), again / 1e9, count / (again / 1e9));
        System.out.print(row);
        table.append(row);
      }
    }
    String body = "`./kassa bench catalog-import`: " + String.format(Locale.ROOT, "%,d", count)
        + " products (" + (csv.getBytes(StandardCharsets.UTF_8).length / (1024 * 1024)) + " MB of CSV) posted to "
        + "`POST /api/v1/admin/catalog/import` of a fresh server; one all-or-nothing transaction each, every "
        + "written product also appended to the catalog feed. Embedded PostgreSQL runs with fsync off.\n\n" + table;
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "catalog-import", "Catalog CSV import through the HTTP API", body);
    }
  }

  /** The demo products again and again under fresh SKUs and valid EAN-13 barcodes. */
  static List<Product> products(DemoData demo, int count) {
    List<Product> products = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Product model = demo.products().get(i % demo.products().size());
      CodeResult<Gtin> barcode = Gtin.complete(String.format(Locale.ROOT, "46%010d", i), GtinFormat.EAN_13);
      String code = ((CodeResult.Ok<Gtin>) barcode).value().digits();
      products.add(new Product("BENCH-" + i, List.of(code), model.names(), model.categoryId(), model.price(),
          model.vatCode(), model.soldByWeight(), model.flags()));
    }
    return products;
  }

  private static long timed(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  private static void require(TestHttp.Response answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException(answer.status() + ": " + answer.body());
    }
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
