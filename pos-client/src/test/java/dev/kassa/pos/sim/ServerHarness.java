package dev.kassa.pos.sim;

import dev.kassa.model.demo.DemoStaff;
import dev.kassa.server.KassaServer;
import dev.kassa.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The real sync server with the demo data on a SQLite file, in process, that a test can stop and
 * start again on the same file and the same port, as a server restart in production would.
 */
final class ServerHarness implements AutoCloseable {
  private ServerConfig config;
  private KassaServer server;
  private int stops;

  private ServerHarness(ServerConfig config) {
    this.config = config;
  }

  static ServerHarness start(Path dir) {
    return start(dir, null);
  }

  /** On the database at {@code databaseUrl} (PostgreSQL for the benchmarks), or SQLite in {@code dir} when null. */
  static ServerHarness start(Path dir, String databaseUrl) {
    ServerHarness harness = new ServerHarness(ServerConfig.defaults(dir).withPort(0).withDemo(true)
        .withPasswordIterations(1_000).withDatabaseUrl(databaseUrl));
    harness.startAgain();
    harness.config = harness.config.withPort(harness.server.port());
    return harness;
  }

  synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
      stops++;
    }
  }

  /** Starts on the same file and port; the port may take a moment to be free again after a stop. */
  synchronized void startAgain() {
    if (server == null) {
      // same thread: a slow start is never abandoned half-way and left running behind our back
      Awaitility.await().atMost(Duration.ofMinutes(2)).pollInSameThread().pollInterval(Duration.ofMillis(200))
          .ignoreExceptions().until(() -> {
        server = KassaServer.start(config);
        return true;
      });
    }
  }

  /** How many times a running server was stopped (a restart or an outage). */
  synchronized int stops() {
    return stops;
  }

  /** The JDBC URL of the server's database, for checks that read it directly. */
  String databaseUrl() {
    return config.effectiveDatabaseUrl();
  }

  synchronized boolean running() {
    return server != null;
  }

  String url() {
    return "http://127.0.0.1:" + config.port();
  }

  AdminClient admin() {
    return admin(Duration.ofSeconds(10));
  }

  /** An admin session whose calls may take up to {@code timeout} (big imports in the benchmarks). */
  AdminClient admin(Duration timeout) {
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(timeout).callTimeout(timeout).build();
    return AdminClient.login(http, HttpUrl.get(url()), DemoStaff.ADMIN_USER, DemoStaff.ADMIN_PASSWORD);
  }

  @Override
  public void close() {
    stop();
  }
}
