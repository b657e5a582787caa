package dev.kassa.pos.bench;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.sync.Stream;
import dev.kassa.pos.ledger.LedgerConfig;
import dev.kassa.pos.ledger.TerminalIdentity;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.Backoff;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncAgent;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncHttp;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.SplittableRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Fresh terminal down-sync: the server (embedded PostgreSQL) holds a large chain's catalog and
 * cards, seeded in bulk; a new terminal with an empty ledger pulls every stream with the real
 * {@link SyncAgent} and {@link SyncClient} into its SQLite file through the ledger's feed store.
 * Times that pull only (one {@code syncOnce}), then checks the terminal holds every entity.
 *
 * <p>Options: {@code --products N} (100000), {@code --cards N} (1000000), {@code --report FILE}.
 */
public final class DownSyncBenchmark {
  private DownSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = BenchOptions.intOption(args, "--products", 100_000);
    int cards = BenchOptions.intOption(args, "--cards", 1_000_000);
    double seconds;
    double applySeconds;
    int pages;
    long heldProducts;
    long heldCards;
    try (TestServer server = TestServer.start(Engine.POSTGRESQL)) {
      long seedStart = System.nanoTime();
      new FeedSeed(server.services().db()).seed(products, cards);
      System.out.printf(Locale.ROOT, "seeded %d products and %d cards in %.1f s%n", products, cards,
          (System.nanoTime() - seedStart) / 1e9);
      String token = server.createTerminal(TestServer.STORE, "fresh-till");
      Path dir = Files.createTempDirectory("kassa-downsync");
      HttpUrl base = HttpUrl.get("http://127.0.0.1:" + server.port());
      OkHttpClient http = SyncHttp.client(base, HttpsOptions.systemDefaults());
      SyncClient client = new SyncClient(http, base, () -> token);
      SyncSettings settings = SyncSettings.defaults();
      try (TerminalLedger ledger = TerminalLedger.open(LedgerConfig.of(dir,
               new TerminalIdentity(TestServer.STORE, "fresh-till", Currency.getInstance("RUB"))))) {
        TimedFeedStore feeds = new TimedFeedStore(ledger.feeds());
        try (SyncAgent agent = new SyncAgent(client, ledger.outbox(), feeds, ledger.hybridClock(), "fresh-till",
            settings, new Backoff(settings.backoffBase(), settings.backoffMax(), new SplittableRandom(1)),
            Clock.systemUTC())) {
          long start = System.nanoTime();
          agent.syncOnce();
          seconds = (System.nanoTime() - start) / 1e9;
        }
        applySeconds = feeds.applySeconds();
        pages = feeds.pages();
        heldProducts = ledger.feeds().keys("product").size();
        heldCards = ledger.feeds().keys("card").size();
        if (heldProducts != products || heldCards != cards) {
          throw new IllegalStateException("terminal holds " + heldProducts + " products and " + heldCards
              + " cards, expected " + products + " and " + cards);
        }
        for (Stream stream : Stream.values()) {
          if (ledger.feeds().cursor(stream).isEmpty()) {
            throw new IllegalStateException("no cursor stored for " + stream.id());
          }
        }
      }
    }
    long entities = (long) products + cards;
    String table = "| what | figure |\n| --- | --- |\n"
        + String.format(Locale.ROOT, "| products + cards pulled | %,d + %,d |%n", products, cards)
        + String.format(Locale.ROOT, "| pull of every stream, total | %.1f s |%n", seconds)
        + String.format(Locale.ROOT, "| entities per second | %,.0f |%n", entities / seconds)
        + String.format(Locale.ROOT, "| the terminal's SQLite writes (%d pages, next page fetched meanwhile) | %.1f s |%n",
            pages, applySeconds)
        + String.format(Locale.ROOT, "| waiting for a page (HTTP, JSON and server reads not hidden by the writes) | %.1f s |%n",
            seconds - applySeconds);
    System.out.print(table);
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "down-sync-bulk",
          "Fresh terminal down-sync at full size, server on PostgreSQL", table
          + "\n`./kassa bench down-sync-bulk` (options `--products N --cards N`): the server on the embedded PostgreSQL 14"
          + " of the tests (fsync off), its catalog and cards seeded in bulk with COPY (not timed); a new terminal"
          + " with an empty ledger runs one `SyncAgent.syncOnce()` (real `SyncClient` over HTTP, pages of "
          + SyncSettings.defaults().pullPageSize() + ", each page and its cursor one SQLite transaction in the"
          + " ledger's feed store, synchronous=FULL), server and terminal in one JVM. Target: under 30 s."
          + "\n\nWhere the time goes: the server answers a page of 1,000 (snapshot query, JSON out) while the"
          + " terminal applies the page before (its SQLite writes), since `SyncAgent` reads one page ahead"
          + " (`FeedPuller`); the server writes each entity's stored JSON text as it is (`FeedPage`) instead of"
          + " parsing it to a tree and writing that again; and it runs the snapshot query without parallel workers"
          + " (EXPLAIN ANALYZE at full size: PostgreSQL planned a Gather Merge, 25 ms a page, mostly starting the"
          + " workers, against 3 ms for the plain index walk). Before those three changes the pull took 38.0 s: about"
          + " 22 ms of server and 12 ms of terminal per page, one after the other. Earlier it took 391.8 s while"
          + " every snapshot page filtered the stream from its first entity (an OR at the cursor), 112.8 s with a"
          + " row comparison at the cursor (PostgreSQL still checked the latest version of every remaining entity"
          + " and sorted them, per page), until `ChangeReader.snapshot` asked for the latest version as NOT EXISTS"
          + " a later one (an index walk that stops at the page's limit)."
          + " Same machine, same quarter hour, alternating full runs of this benchmark on the code before"
          + " (0391697) and after, while other work let the load average fall from about 8 to 4: before 47.7"
          + " s and 41.9 s, after 27.3 s and 14.7 s. The terminal's SQLite writes (synchronous=FULL, one"
          + " commit per page) are now the longer side and follow the machine's load: 12.6 s to 28.0 s over"
          + " the runs of the new code (35.3 s total in the worst, at a load average of 8 to 9)."
          + "\n\nThe terminal's side then got cheaper (`FeedRows`): a page's entities go 100 rows to an INSERT"
          + " (`FeedEntityBatch`) instead of one statement each, and each entity is stored as the JSON text it"
          + " arrived as (`Change.wireText`, kept by `SyncCodec.fromJson(byte[])`) instead of its tree written"
          + " out again. Still one transaction per page with its cursor, synchronous=FULL: the fsync was not"
          + " the cost (a page of 1,000 cards took as long with synchronous=NORMAL), the driver's per-statement"
          + " calls were. Alternating full runs of this benchmark, before (9871674) and after, within 25"
          + " minutes, load average at start and end of each run: before 92.6 s (writes 71.8 s, other measurements of mine alongside, load 8.1 to"
          + " 10.4), 29.9 s (writes 26.1 s, 4.1 to 4.2), 17.9 s (writes 15.1 s, 3.7 to 3.3), 32.9 s (writes"
          + " 28.9 s, 4.4 to 4.9), 31.2 s (writes 28.2 s, 6.2 to 5.5); after 35.5 s (writes 23.8 s, 4.0 to 5.7, a test build running alongside),"
          + " 18.4 s (writes 10.5 s, 5.1 to 4.0), 15.9 s (writes 10.1 s, 3.1 to 2.5), 25.5 s (writes 18.9 s,"
          + " 4.6 to 6.2), and the run above. The terminal's writes take 9 to 17 ms a page against 14 to 26 ms"
          + " before at the same load; waiting for the next page (the server's query and JSON, HTTP, the"
          + " client's parse) is now a third to a half of the total.");
    }
    System.exit(0);
  }
}
