package dev.kassa.pos.sim;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.catalog.Category;
import dev.kassa.model.code.Gtin;
import dev.kassa.model.demo.CatalogCsv;
import dev.kassa.model.demo.DemoData;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.terminal.TerminalConfig;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Fresh terminal down-sync: a server holding {@code -Dproducts} products (default 100,000) and
 * {@code -Dcards} cards (default 1,000,000); a new terminal enrols and pulls every stream into its
 * ledger through the real sync agent. Target: under 30 s. The server runs in this process on
 * SQLite; its setup time is printed but not counted.
 */
public final class DownSyncBenchmark {
  private DownSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = Integer.getInteger("products", 100_000);
    int cards = Integer.getInteger("cards", 1_000_000);
    Path dir = Files.createTempDirectory("kassa-downsync-bench");
    try {
      try (ServerHarness server = ServerHarness.start(dir.resolve("server"))) {
        AdminClient admin = server.admin(Duration.ofMinutes(10));
        long setup = System.nanoTime();
        DemoData demo = DemoData.standard();
        String category = demo.categories().stream().map(Category::id).filter(id -> !id.equals("tobacco")).findFirst()
            .orElseThrow();
        StringBuilder csv = new StringBuilder(CatalogCsv.HEADER).append('\n');
        for (int i = 0; i < products; i++) {
          String body = String.format(Locale.ROOT, "%012d", 290_000_000_000L + i);
          csv.append(String.format(Locale.ROOT, "BENCH-%06d,%s%d,Товар %d,Product %d,%s,%d,%s,false,%n", i, body,
              Gtin.checkDigit(body), i, i, category, 1_000 + i % 90_000, DemoData.VAT_STANDARD));
        }
        admin.importCatalog(csv.toString());
        for (int issued = 0; issued < cards; issued += 100_000) {
          admin.issueCards(Math.min(100_000, cards - issued));
        }
        double setupSeconds = (System.nanoTime() - setup) / 1e9;
        String code = admin.createTerminal(admin.firstStore(), "bench-downsync");

        long start = System.nanoTime();
        TerminalConfig config = TerminalConfig.of(dir.resolve("terminal"), server.url(), code)
            .withSync(new SyncSettings(500, 2L << 20, 1000, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(5)));
        try (TerminalRuntime terminal = TerminalRuntime.start(config)) {
          while (terminal.syncState().lastSuccess() == null) {
            if (terminal.syncState().problem() != null && System.nanoTime() - start > 600e9) {
              throw new IllegalStateException(terminal.syncState().problem());
            }
            Thread.sleep(20); // a benchmark driver polling, not a test
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          int gotProducts = terminal.ledger().feeds().keys("product").size();
          int gotCards = terminal.ledger().feeds().keys("card").size();
          long bytes = Files.size(dir.resolve("terminal/ledger.db"));
          String body = String.format(Locale.ROOT, """
              A new terminal enrols and pulls everything through the real sync agent (pages of 1,000,
              each applied with its cursor in one SQLite transaction, WAL, synchronous=FULL); server
              in process on SQLite. Command: `./kassa bench down-sync` (`-Dproducts=N -Dcards=N`).

              | what | figure |
              | --- | --- |
              | products pulled | %,d of %,d |
              | cards pulled | %,d of %,d |
              | time from start to first complete sync | **%.1f s** (target < 30 s) |
              | rows per second | %,.0f |
              | ledger file after sync | %,d MB |
              | server setup (import + card batches, not counted) | %.1f s |
              """, gotProducts, products + demo.products().size(), gotCards, cards + demo.cards().size(), seconds,
              (gotProducts + gotCards) / seconds, bytes >> 20, setupSeconds);
          System.out.println(body);
          Path report = BenchmarkReport.reportPath(args);
          if (report != null) {
            BenchmarkReport.write(report, "down-sync", "Fresh terminal down-sync", body);
          }
        }
      }
    } finally {
      TempDirs.delete(dir);
    }
  }
}
