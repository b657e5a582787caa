package dev.kassa.pos.bench;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.money.Money;
import dev.kassa.pos.ledger.SaleDraft;
import dev.kassa.pos.ledger.Sales;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.Backoff;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncAgent;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncFailure;
import dev.kassa.pos.sync.SyncHttp;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What a cashier feels while the till pulls: a cashier thread scans a product by barcode and commits
 * a 5-line sale with a loyalty card every {@code --every-ms} (20), first with the till alone, then
 * while the real {@link SyncAgent} pulls a large chain's catalog and cards into the same ledger
 * file (a fresh till's down-sync: the heaviest pull a till makes). Prints the latency of each scan
 * lookup and each sale commit, p50, p99 and max, for both phases, and how long the pull took.
 *
 * <p>Options: {@code --products N} (100000), {@code --cards N} (1000000), {@code --alone N} sales
 * before the pull (500), {@code --every-ms N} (20), {@code --report FILE}.
 */
public final class CheckoutDuringSyncBenchmark {
  private CheckoutDuringSyncBenchmark() {}

  /** Latencies of one phase, in nanoseconds. */
  private record Phase(List<Long> scans, List<Long> commits) {
    static Phase empty() {
      return new Phase(new ArrayList<>(), new ArrayList<>());
    }
  }

  public static void main(String[] args) throws Exception {
    int products = BenchOptions.intOption(args, "--products", 100_000);
    int cards = BenchOptions.intOption(args, "--cards", 1_000_000);
    int alone = BenchOptions.intOption(args, "--alone", 500);
    int everyMs = BenchOptions.intOption(args, "--every-ms", 20);
    Phase quiet = Phase.empty();
    Phase busy = Phase.empty();
    double pullSeconds;
    int pages;
    double applySeconds;
    try (TestServer server = TestServer.start(Engine.POSTGRESQL)) {
      new FeedSeed(server.services().db()).seed(products, cards);
      String token = server.terminalToken();
      Path dir = Files.createTempDirectory("kassa-checkout-sync");
      HttpUrl base = HttpUrl.get("http://127.0.0.1:" + server.port());
      OkHttpClient http = SyncHttp.client(base, HttpsOptions.systemDefaults());
      SyncClient client = new SyncClient(http, base, () -> token);
      SyncSettings settings = SyncSettings.defaults();
      try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
        ledger.openShift("cashier-1", Money.ofMinor(0, "RUB"));
        Cashier cashier = new Cashier(ledger, products, everyMs);
        cashier.sell(alone / 2, null, Phase.empty()); // warm-up
        cashier.sell(alone, null, quiet);
        TimedFeedStore feeds = new TimedFeedStore(ledger.feeds());
        try (SyncAgent agent = new SyncAgent(client, ledger.outbox(), feeds, ledger.hybridClock(), TestServer.TERMINAL,
            settings, new Backoff(settings.backoffBase(), settings.backoffMax(), new SplittableRandom(1)),
            Clock.systemUTC())) {
          long start = System.nanoTime();
          CompletableFuture<Void> pull = CompletableFuture.runAsync(() -> {
            try {
              agent.syncOnce();
            } catch (SyncFailure e) {
              throw new IllegalStateException("the pull failed: " + e.describe(), e);
            }
          });
          cashier.sell(Integer.MAX_VALUE, pull, busy);
          pull.get(1, TimeUnit.MINUTES);
          pullSeconds = (System.nanoTime() - start) / 1e9;
        }
        pages = feeds.pages();
        applySeconds = feeds.applySeconds();
        if (ledger.feeds().keys("card").size() < cards) {
          throw new IllegalStateException("the till holds " + ledger.feeds().keys("card").size() + " cards, not " + cards);
        }
      }
    }
    String table = "| cashier's call | till alone: p50 | p99 | max | during the pull: p50 | p99 | max |\n"
        + "| --- | --- | --- | --- | --- | --- | --- |\n"
        + row("scan: product by barcode", quiet.scans(), busy.scans())
        + row("sale commit (5 lines, card, points entry)", quiet.commits(), busy.commits());
    String text = table + String.format(Locale.ROOT,
        "%nA cashier thread scans and sells every %d ms: %d sales with the till alone, then %d while the real sync agent"
            + " pulls %,d products and %,d cards into the same ledger (a fresh till's down-sync, the heaviest pull a"
            + " till makes; the server on the embedded PostgreSQL 14 of the tests, in the same JVM). The pull took"
            + " %.1f s in %d pages (the agent's setting is %d a page; with a shift open the till asks for fewer),"
            + " the till's page writes %.1f s of it. `./kassa bench checkout-during-sync`"
            + " (options `--products N --cards N --every-ms N`).%n",
        everyMs, quiet.commits().size(), busy.commits().size(), products, cards, pullSeconds, pages,
        settings().pullPageSize(), applySeconds);
    System.out.print(text);
    System.out.println(BenchmarkReport.machine());
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "checkout-during-sync", "The cashier's calls while the till pulls", text);
    }
    System.exit(0);
  }

  private static SyncSettings settings() {
    return SyncSettings.defaults();
  }

  private static String row(String what, List<Long> quiet, List<Long> busy) {
    Collections.sort(quiet);
    Collections.sort(busy);
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", what,
        ms(pct(quiet, 50)), ms(pct(quiet, 99)), ms(quiet.get(quiet.size() - 1)),
        ms(pct(busy, 50)), ms(pct(busy, 99)), ms(busy.get(busy.size() - 1)));
  }

  private static long pct(List<Long> sorted, int percentile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  /** The cashier: a scan and a sale each tick, timed. */
  private static final class Cashier {
    private final TerminalLedger ledger;
    private final int products;
    private final long everyNanos;
    private final SplittableRandom random = new SplittableRandom(7);

    Cashier(TerminalLedger ledger, int products, int everyMs) {
      this.ledger = ledger;
      this.products = products;
      this.everyNanos = TimeUnit.MILLISECONDS.toNanos(everyMs);
    }

    /** Sells {@code count} times, or until {@code until} completes when it is not null. */
    void sell(int count, CompletableFuture<?> until, Phase into) {
      long next = System.nanoTime();
      for (int i = 0; i < count && (until == null || !until.isDone()); i++) {
        String barcode = FeedSeed.ean13(2_000_000_000L + random.nextInt(products));
        long start = System.nanoTime();
        ledger.feeds().productByBarcode(barcode);
        into.scans().add(System.nanoTime() - start);
        SaleDraft sale = Sales.withPoints(5, 10, ledger.hybridClock());
        start = System.nanoTime();
        ledger.completeSale(sale);
        into.commits().add(System.nanoTime() - start);
        next += everyNanos;
        LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
      }
    }
  }
}
