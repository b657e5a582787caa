package dev.kassa.server;

import java.nio.file.Path;
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
      defaultValue = "${env:KASSA_PORT:-8080}")
  int port;

  @Option(names = "--db", description = "JDBC URL, jdbc:sqlite:... or jdbc:postgresql://... "
      + "Default: an SQLite file in the data directory. Env: KASSA_DB.",
      defaultValue = "${env:KASSA_DB}", scope = ScopeType.INHERIT)
  String databaseUrl;

  @Option(names = "--data-dir", description = "Data directory. Env: KASSA_DATA_DIR.",
      defaultValue = "${env:KASSA_DATA_DIR:-data/server}", scope = ScopeType.INHERIT)
  Path dataDir;

  @Option(names = "--metrics-token", description = "Bearer token Prometheus scrapes /metrics with"
      + " (default: admins only). Env: KASSA_METRICS_TOKEN.",
      defaultValue = "${env:KASSA_METRICS_TOKEN}")
  String metricsToken;

  @Option(names = "--max-concurrent-requests", description = "Requests served at once before the server"
      + " answers 503 with Retry-After (default ${DEFAULT-VALUE}). Env: KASSA_MAX_CONCURRENT_REQUESTS.",
      defaultValue = "${env:KASSA_MAX_CONCURRENT_REQUESTS:-" + ServerConfig.DEFAULT_MAX_CONCURRENT_REQUESTS + "}")
  int maxConcurrentRequests;

  @Option(names = "--demo", description = "Load the demo store, catalog, program, cards and staff"
      + " on first start (deterministic, fixed seed).")
  boolean demo;

  public static void main(String[] args) {
    int exit = new CommandLine(new ServerMain()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  ServerConfig config() {
    return ServerConfig.defaults(dataDir).withPort(port).withDatabaseUrl(databaseUrl).withDemo(demo)
        .withMetricsToken(metricsToken).withMaxConcurrentRequests(maxConcurrentRequests);
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
