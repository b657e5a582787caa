package dev.kassa.pos.sim;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.pos.sync.FaultPlan;
import dev.kassa.pos.sync.FaultProxy;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.terminal.TerminalRuntime;
import dev.kassa.server.testing.TestPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reconciliation after an outage: {@code -Dterminals} simulated terminals (default 1,000, all in
 * this process, each with its own ledger file and sync agent) sell {@code -Dsales} sales each
 * (default 500) while a partition cuts them off the server; then the partition lifts and the
 * agents push everything into PostgreSQL on their own. Measured: from the end of the outage until
 * every outbox is empty and the server holds every sale. Target: under 60 s at full size.
 */
public final class ReconciliationBenchmark {
  private ReconciliationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int terminals = Integer.getInteger("terminals", 20);
    int sales = Integer.getInteger("sales", 500);
    Path dir = Files.createTempDirectory("kassa-reconcile-bench");
    try {
      try (ServerHarness server = ServerHarness.start(dir.resolve("server"), TestPostgres.newDatabaseUrl());
           FaultProxy proxy = new FaultProxy(URI.create(server.url()), FaultPlan.none())) {
        AdminClient admin = server.admin(Duration.ofMinutes(5));
        SyncSettings sync = SyncSettings.defaults().withTiming(Duration.ofSeconds(1), Duration.ofMillis(200),
            Duration.ofSeconds(1));
        Simulation.Setup setup = new Simulation.Setup(proxy.uri().toString(), dir.resolve("terminals"), terminals, 1,
            sync, i -> Clock.systemUTC());
        try (Simulation simulation = Simulation.start(setup, admin, Duration.ofMinutes(5))) {
          proxy.partition(true);
          long sellStart = System.nanoTime();
          List<TerminalReport> sold = simulation.sell(sales);
          double sellSeconds = (System.nanoTime() - sellStart) / 1e9;
          long made = sold.stream().mapToLong(TerminalReport::salesMade).sum();
          long waiting = simulation.runtimes().stream().mapToLong(t -> t.ledger().outbox().pendingCount()).sum();

          long start = System.nanoTime();
          proxy.partition(false);
          while (simulation.runtimes().stream().mapToLong(t -> t.ledger().outbox().pendingCount()).sum() > 0) {
            Thread.sleep(100); // a benchmark driver polling, not a test
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          Map<String, Long> held = admin.salesPerTerminal();
          long onServer = simulation.runtimes().stream().map(TerminalRuntime::profile)
              .mapToLong(p -> held.getOrDefault(p.terminalId(), 0L)).sum();
          String body = String.format(Locale.ROOT, """
              %,d terminals in one process (own ledger file and sync agent each) sell offline behind a
              partition, then the partition lifts and the agents push on their own into the real server on
              embedded PostgreSQL (the agent's batches: up to %,d events). Command: `./kassa bench reconciliation`
              (`-Dterminals=N -Dsales=M`).

              | what | figure |
              | --- | --- |
              | sales made offline | %,d (+ returns; %,d events waiting) |
              | time from end of outage until every outbox is empty | **%.1f s** (target < 60 s for 1,000 x 500) |
              | scale of this run | %,d x %,d real terminals; the full size is `./kassa bench reconciliation-push` |
              | sales merged per second | %,.0f |
              | events merged per second | %,.0f |
              | server holds | %,d sales of %,d made |
              | offline selling took (not counted) | %.1f s |
              """, terminals, sync.batchMaxEvents(),
              made, waiting, seconds, terminals, sales, made / seconds, waiting / seconds, onServer, made,
              sellSeconds);
          System.out.println(body);
          if (onServer != made) {
            throw new IllegalStateException("server holds " + onServer + " sales, terminals made " + made);
          }
          Path report = BenchmarkReport.reportPath(args);
          if (report != null) {
            BenchmarkReport.write(report, "reconciliation", "Reconciliation after an outage", body);
          }
        }
      }
    } finally {
      TempDirs.delete(dir);
    }
  }
}
