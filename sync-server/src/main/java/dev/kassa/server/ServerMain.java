package dev.kassa.server;

import dev.kassa.server.loyalty.OverdraftPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code kassa server}: starts the sync server and blocks until it is stopped. */
@Command(name = "kassa server", mixinStandardHelpOptions = true,
    description = "Kassa central sync server.",
    subcommands = CreateAdminCommand.class)
public final class ServerMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

  @Option(names = "--port", description = "HTTP port (0 picks a free one). Env: KASSA_PORT.",
      defaultValue = "8080")
  int port;

  @Option(names = "--db", description = "JDBC URL, jdbc:sqlite:... or jdbc:postgresql://... "
      + "Default: an SQLite file in the data directory. Env: KASSA_DB.",
      scope = ScopeType.INHERIT)
  String databaseUrl;

  @Option(names = "--data-dir", description = "Data directory. Env: KASSA_DATA_DIR.",
      defaultValue = "data/server", scope = ScopeType.INHERIT)
  Path dataDir;

  @Option(names = "--metrics-token", description = "Bearer token Prometheus scrapes /metrics with"
      + " (default: admins only). Env: KASSA_METRICS_TOKEN.")
  String metricsToken;

  @Option(names = "--max-concurrent-requests", description = "Requests served at once before the server"
      + " answers 503 with Retry-After (default ${DEFAULT-VALUE}). Env: KASSA_MAX_CONCURRENT_REQUESTS.",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_CONCURRENT_REQUESTS)
  int maxConcurrentRequests;

  @Option(names = "--overdraft-policy", description = "What the server does when offline redemptions overspend"
      + " a card: ${COMPLETION-CANDIDATES}. NET (default) lets the balance go negative and nets it against later"
      + " accruals; WRITE_OFF writes the overspent points off at once. Env: KASSA_OVERDRAFT_POLICY.",
      defaultValue = "NET")
  OverdraftPolicy overdraftPolicy;

  @Option(names = "--demo", description = "Load the demo store, catalog, program, cards and staff"
      + " on first start (deterministic, fixed seed).")
  boolean demo;

  public static void main(String[] args) {
    int exit = commandLine(new ServerMain(), System.getenv()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** The command line of {@code main}, its options' defaults taken from {@code environment} where set there. */
  static CommandLine commandLine(ServerMain main, Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(main);
    commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
    return commandLine;
  }

  ServerConfig config() {
    return ServerConfig.defaults(dataDir).withPort(port).withDatabaseUrl(databaseUrl).withDemo(demo)
        .withMetricsToken(metricsToken).withMaxConcurrentRequests(maxConcurrentRequests)
        .withOverdraftPolicy(overdraftPolicy);
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config = config();
    KassaServer server = KassaServer.start(config);
    log.info("Kassa server listening on port {} ({})", server.port(), config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "kassa-server-shutdown"));
    stopped.await();
    return 0;
  }
}
