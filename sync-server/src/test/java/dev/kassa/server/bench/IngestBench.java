package dev.kassa.server.bench;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.store.Database;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.PostgresCpu;
import dev.kassa.server.testing.StatementStats;
import dev.kassa.server.testing.TestPostgres;
import dev.kassa.server.testing.TestServer;
import dev.kassa.server.testing.ThreadCpu;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Server ingest through the real HTTP API: several terminals push sales of 5 lines with their
 * loyalty entries in batches, concurrently, into the real server (push decoding, rules, one
 * transaction per batch, journal chain, ledger merge, engine recompute, feeds). Next to it, in the
 * same run, the same rows written raw (PostgreSQL COPY; SQLite prepared batches) into a fresh
 * database of the same engine. Prints sales/s for both and their ratio, per engine.
 *
 * <p>Options: {@code --sales N} per engine (default 32000), {@code --pushers P} (4),
 * {@code --batch B} sales per push (250), {@code --warmup W} sales pushed before measuring (48000),
 * {@code --engine NAME} only that engine, {@code --repeat R} measured pairs of an HTTP and a raw run
 * (3), {@code --statements N} print PostgreSQL's N costliest statements of the last measured pushes
 * (needs {@code -Dkassa.pg.statements=true}), {@code --report FILE}; {@code -Dkassa.bench.warmupRounds=N}
 * at most N warm-up rounds (30).
 */
public final class IngestBench {
  private static final int CARDS = 20_000;
  private static final int MAX_WARMUP_ROUNDS = Integer.getInteger("kassa.bench.warmupRounds", 30);
  private static final int SMALL_PUSH = 10;

  private IngestBench() {}

  /** A measured pair (or the median of several: {@code ratios} then holds every pair's HTTP / raw). */
  record Result(Engine engine, int sales, double httpPerSecond, double rawPerSecond, double cpuMicrosPerSale,
      double requestMicrosPerSale, double jitMicrosPerSale, double postgresMicrosPerSale, List<Double> ratios) {}

  public static void main(String[] args) throws Exception {
    int sales = intOption(args, "--sales", 32_000);
    int pushers = intOption(args, "--pushers", 4);
    int batch = intOption(args, "--batch", 250);
    int warmup = intOption(args, "--warmup", 48_000);
    int statements = intOption(args, "--statements", 0);
    int repeats = intOption(args, "--repeat", 3);
    List<Result> results = new ArrayList<>();
    for (Engine engine : Engine.values()) {
      if (option(args, "--engine", engine.name()).equalsIgnoreCase(engine.name())) {
        results.add(run(engine, sales, pushers, batch, warmup, statements, repeats));
      }
    }
    StringBuilder table = new StringBuilder("| engine | sales | through HTTP, sales/s | raw rows, sales/s | HTTP / raw"
        + " | HTTP / raw, every pair | JVM CPU per sale (HTTP) | of which request threads | of which JIT compilers"
        + " | PostgreSQL CPU per sale (HTTP) |\n"
        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Result r : results) {
      String every = String.join(", ", r.ratios().stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
      String line = String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %s | %.0f us | %.0f us | %.0f us | %s |",
          r.engine(), r.sales(), r.httpPerSecond(), r.rawPerSecond(), r.httpPerSecond() / r.rawPerSecond(), every,
          r.cpuMicrosPerSale(), r.requestMicrosPerSale(), r.jitMicrosPerSale(),
          r.postgresMicrosPerSale() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f us", r.postgresMicrosPerSale()));
      System.out.println(line);
      table.append(line).append('\n');
    }
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "server-ingest", "Server ingest through the HTTP API", table
          + "\n" + pushers + " concurrent pushers (one per terminal), " + batch + " sales per push, each sale 5 lines"
          + " plus its EARN ledger entry on one of " + CARDS + " cards; the real server with SQLite (synchronous=FULL)"
          + " or the embedded PostgreSQL 14 of the tests (fsync and synchronous_commit off there, for both columns)."
          + " Timed from the first push to the answer of a pull of the cards feed after the last push (a pull"
          + " publishes every card moved before it), on a fresh database, after warm-up rounds in the same server"
          + " process: " + warmup + " sales each, first in pushes of " + SMALL_PUSH + " sales, then of " + batch
          + ", each round into a throwaway database dropped afterwards, until the JIT compilers take under a tenth"
          + " of the CPU of two rounds in a row (or " + MAX_WARMUP_ROUNDS + " rounds; on this machine it takes 4 to 16"
          + " rounds, as the one C2 compiler thread of a 2-core machine works through the push path's large methods):"
          + " the push path is compiled as in a server that has been running, and the JIT's share of the measured"
          + " CPU is shown."
          + " Then " + repeats + " pairs of runs, each an HTTP run into a fresh server and database followed by the"
          + " raw run into another: the table shows the pair with the median ratio (this machine's speed drifts"
          + " from minute to minute, so a ratio is taken between runs made close together) and every pair's ratio."
          + " Raw rows: the same sync_events, sales, ledger_entries and journal_links rows, PostgreSQL COPY or SQLite"
          + " prepared batches, one transaction per batch, same pushers, no HTTP and no checks."
          + " CPU per sale: this JVM's CPU time (server and the pushing clients, JIT compilers and garbage collector"
          + " included) during the HTTP run, which compares runs better than wall time while other work"
          + " loads the machine; of it, the server's request threads and the JIT compilers (their threads in /proc);"
          + " and the PostgreSQL cluster's processes (from /proc)."
          + " Target (PostgreSQL): over 8,000 sales/s and within 2x of raw COPY.");
    }
    System.exit(0);
  }

  private static Result run(Engine engine, int sales, int pushers, int batch, int warmupSales, int statements,
      int repeats) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int p = 0; p < pushers; p++) {
      ids.add(p == 0 ? TestServer.TERMINAL : "bench-" + p);
    }
    List<IngestWorkload.TerminalLoad> loads = IngestWorkload.terminals(TestServer.STORE, ids, sales / pushers, batch,
        "9", CARDS, 100);
    warmUp(engine, pushers, batch, warmupSales);
    // pairs of runs, HTTP then raw, each into a fresh database: on a machine whose speed drifts from
    // minute to minute, a ratio is taken between two runs made close together, and the median pair kept
    List<Result> pairs = new ArrayList<>();
    for (int pair = 1; pair <= repeats; pair++) {
      Result http = pushOnce(engine, loads, pair == repeats ? statements : 0);
      double raw = copyOnce(engine, loads);
      Result r = new Result(engine, http.sales(), http.httpPerSecond(), raw, http.cpuMicrosPerSale(),
          http.requestMicrosPerSale(), http.jitMicrosPerSale(), http.postgresMicrosPerSale(), List.of());
      System.out.printf(Locale.ROOT, "%s pair %d: %.0f sales/s through HTTP, %.0f raw, ratio %.2f%n", engine, pair,
          r.httpPerSecond(), raw, r.httpPerSecond() / raw);
      pairs.add(r);
    }
    List<Result> byRatio = new ArrayList<>(pairs);
    byRatio.sort(java.util.Comparator.comparingDouble(r -> r.httpPerSecond() / r.rawPerSecond()));
    Result median = byRatio.get(byRatio.size() / 2);
    List<Double> ratios = pairs.stream().map(r -> r.httpPerSecond() / r.rawPerSecond()).toList();
    return new Result(engine, median.sales(), median.httpPerSecond(), median.rawPerSecond(), median.cpuMicrosPerSale(),
        median.requestMicrosPerSale(), median.jitMicrosPerSale(), median.postgresMicrosPerSale(), ratios);
  }

  /** One measured HTTP run into a fresh server and database; the raw figure is left 0. */
  private static Result pushOnce(Engine engine, List<IngestWorkload.TerminalLoad> loads, int statements)
      throws Exception {
    int measured = loads.stream().mapToInt(IngestWorkload.TerminalLoad::sales).sum();
    String url = null;
    try (TestServer server = TestServer.start(engine)) {
      url = server.databaseUrl();
      server.http().post("/api/v1/admin/programs", server.adminToken(), DemoProgram.json());
      List<String> tokens = new ArrayList<>();
      for (IngestWorkload.TerminalLoad load : loads) {
        tokens.add(load.terminalId().equals(TestServer.TERMINAL) ? server.terminalToken()
            : server.createTerminal(TestServer.STORE, load.terminalId()));
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String base = "http://localhost:" + server.port() + "/api/v1/sync/push";
      if (statements > 0 && engine == Engine.POSTGRESQL) {
        StatementStats.reset(server);
      }
      String cardsCursor = server.http().get("/api/v1/sync/pull/cards?cursor=", tokens.get(0))
          .as(dev.kassa.model.sync.PullResponse.class).cursor();
      var threadsStart = ThreadCpu.read();
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      long pgStart = engine == Engine.POSTGRESQL ? PostgresCpu.nanos(TestPostgres.port()) : -1;
      pushAll(client, base, loads, tokens);
      // and the cards feed caught up: a pull publishes every card moved before it
      server.http().get("/api/v1/sync/pull/cards?limit=1&cursor=" + java.net.URLEncoder.encode(cardsCursor,
          java.nio.charset.StandardCharsets.UTF_8), tokens.get(0));
      long pgEnd = pgStart < 0 ? -1 : PostgresCpu.nanos(TestPostgres.port());
      double http = perSecond(loads, System.nanoTime() - start);
      double cpuPerSale = (cpuNanos() - cpuStart) / 1e3 / measured;
      var threadsEnd = ThreadCpu.read();
      System.out.println(engine + ": JVM CPU per sale by thread: "
          + ThreadCpu.perUnit(threadsStart, threadsEnd, measured));
      double jitPerSale = ThreadCpu.compilerNanos(threadsStart, threadsEnd) / 1e3 / measured;
      // Jetty's pool: the pushes' own work, without the JIT's and the collector's threads
      double requestPerSale = ThreadCpu.groupNanos(threadsStart, threadsEnd, "JettyServerThre") / 1e3 / measured;
      double pgPerSale = pgEnd < 0 ? -1 : (pgEnd - pgStart) / 1e3 / measured;
      if (statements > 0 && engine == Engine.POSTGRESQL) {
        StatementStats.print(server, statements);
      }
      var mismatches = server.http().get("/api/v1/admin/loyalty/mismatches", server.adminToken()).json();
      System.out.println(engine + ": " + mismatches.size() + " points mismatches"
          + (mismatches.isEmpty() ? "" : ", first: " + mismatches.get(0).get("detail").asText()));
      return new Result(engine, measured, http, 0, cpuPerSale, requestPerSale, jitPerSale, pgPerSale, List.of());
    } finally {
      // dropped like the warm-up's, so that none vacuums on into the next pair's runs
      if (engine == Engine.POSTGRESQL && url != null) {
        TestPostgres.dropDatabase(url);
      }
    }
  }

  /** The same rows written raw (COPY, or SQLite prepared batches) into a fresh database: sales/s. */
  private static double copyOnce(Engine engine, List<IngestWorkload.TerminalLoad> loads) throws Exception {
    String url = engine.newDatabaseUrl(java.nio.file.Files.createTempDirectory("kassa-raw"));
    try (Database db = Database.open(url)) {
      List<List<RawIngest.Rows>> rows = new ArrayList<>();
      for (IngestWorkload.TerminalLoad load : loads) {
        rows.add(load.batches().stream().map(RawIngest::rows).toList());
      }
      RawIngest.rows(loads.get(0).batches().get(0));
      ExecutorService pool = Executors.newFixedThreadPool(loads.size());
      long start = System.nanoTime();
      long pgStart = engine == Engine.POSTGRESQL ? PostgresCpu.nanos(TestPostgres.port()) : -1;
      List<Future<?>> done = new ArrayList<>();
      for (List<RawIngest.Rows> terminal : rows) {
        done.add(pool.submit(() -> terminal.forEach(r -> RawIngest.write(db, r))));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double raw = perSecond(loads, System.nanoTime() - start);
      long pgEnd = pgStart < 0 ? -1 : PostgresCpu.nanos(TestPostgres.port());
      if (pgEnd >= 0) {
        System.out.printf(Locale.ROOT, "%s raw: PostgreSQL CPU %.0f us per sale%n", engine,
            (pgEnd - pgStart) / 1e3 / loads.stream().mapToInt(IngestWorkload.TerminalLoad::sales).sum());
      }
      pool.shutdown();
      return raw;
    } finally {
      if (engine == Engine.POSTGRESQL) {
        TestPostgres.dropDatabase(url);
      }
    }
  }

  /**
   * Pushes warm-up rounds, each into a fresh database of its own that is then dropped, until the JIT
   * compilers have settled (under a tenth of the JVM's CPU in two rounds in a row: one quiet round can
   * fall between two large compilations) or {@link #MAX_WARMUP_ROUNDS} rounds were pushed: the
   * measured run then sees the push path compiled, as in a server that has been running for a while,
   * and a database holding only its own sales, as the raw run's does. The warm-up loads use as many
   * pushers as the measured one, or the JIT recompiles for the concurrent case inside the measured
   * window.
   */
  private static void warmUp(Engine engine, int pushers, int batch, int warmupSales) throws Exception {
    List<String> warmIds = new ArrayList<>();
    for (int p = 0; p < pushers; p++) {
      warmIds.add("bench-warm-" + p);
    }
    // first in small pushes: code that runs once a push reaches the compiler's thresholds as after hours
    // of service (a few thousand pushes), then in pushes of the measured size
    List<List<IngestWorkload.TerminalLoad>> rounds = List.of(
        IngestWorkload.terminals(TestServer.STORE, warmIds, warmupSales / pushers, SMALL_PUSH, "8", CARDS, 1_000),
        IngestWorkload.terminals(TestServer.STORE, warmIds, Math.max(batch, warmupSales / pushers), batch, "8", CARDS,
            2_000));
    int settled = 0;
    for (int round = 1; round <= MAX_WARMUP_ROUNDS; round++) {
      List<IngestWorkload.TerminalLoad> warmup = rounds.get(Math.min(round, rounds.size()) - 1);
      double compiling;
      String url;
      try (TestServer server = TestServer.start(engine)) {
        url = server.databaseUrl();
        server.http().post("/api/v1/admin/programs", server.adminToken(), DemoProgram.json());
        List<String> warmTokens = new ArrayList<>();
        for (String id : warmIds) {
          warmTokens.add(server.createTerminal(TestServer.STORE, id));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var before = ThreadCpu.read();
        long cpuBefore = cpuNanos();
        pushAll(client, "http://localhost:" + server.port() + "/api/v1/sync/push", warmup, warmTokens);
        // the pull the measured run ends with: a class first loaded there would send compiled code back to the JIT
        server.http().get("/api/v1/sync/pull/cards?cursor=&limit=1", warmTokens.get(0))
            .as(dev.kassa.model.sync.PullResponse.class);
        compiling = (double) ThreadCpu.compilerNanos(before, ThreadCpu.read()) / (cpuNanos() - cpuBefore);
      }
      if (engine == Engine.POSTGRESQL) {
        TestPostgres.dropDatabase(url);
      }
      System.out.printf(Locale.ROOT, "%s warm-up round %d: JIT compilers %.0f %% of the JVM's CPU%n", engine, round,
          100 * compiling);
      settled = round >= rounds.size() && compiling < 0.1 ? settled + 1 : 0;
      if (settled == 2) {
        return;
      }
    }
  }

  private static void pushAll(HttpClient client, String url, List<IngestWorkload.TerminalLoad> loads,
      List<String> tokens) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(loads.size());
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < loads.size(); i++) {
      IngestWorkload.TerminalLoad load = loads.get(i);
      String token = tokens.get(i);
      done.add(pool.submit(() -> {
        for (byte[] body : load.bodies()) {
          push(client, url, token, body);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }

  private static void push(HttpClient client, String url, String token, byte[] body) throws Exception {
    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("push answered " + answer.statusCode() + ": " + new String(answer.body()));
    }
    for (EventResult result : SyncCodec.fromJson(answer.body(), PushResponse.class).results()) {
      if (result.outcome() != EventResult.Outcome.ACCEPTED) {
        throw new IllegalStateException("event not accepted: " + result);
      }
    }
  }

  /** CPU time of this JVM (server and pushers), to compare runs on a machine that other work also loads. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double perSecond(List<IngestWorkload.TerminalLoad> loads, long nanos) {
    int sales = loads.stream().mapToInt(IngestWorkload.TerminalLoad::sales).sum();
    return sales / (nanos / 1e9);
  }

  private static int intOption(String[] args, String name, int fallback) {
    return Integer.parseInt(option(args, name, Integer.toString(fallback)));
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
