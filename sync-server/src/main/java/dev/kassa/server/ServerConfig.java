package dev.kassa.server;

import static java.util.Objects.requireNonNull;

import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.store.Database;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the server is started with. {@code databaseUrl} null means the default SQLite file
 * under {@code dataDir}; {@code metricsToken} null means only an admin may read /metrics.
 */
public record ServerConfig(
    int port,
    String databaseUrl,
    Path dataDir,
    boolean demo,
    int passwordIterations,
    long maxRequestBytes,
    String metricsToken,
    Duration sessionTtl,
    Duration enrollmentCodeTtl,
    int maxConcurrentRequests,
    long maxUploadBytes,
    OverdraftPolicy overdraftPolicy) {

  public static final long DEFAULT_MAX_REQUEST_BYTES = 8L * 1024 * 1024;
  /**
   * Uploads read as a stream past the JSON limit: a catalog CSV (100,000 products are about
   * 15 MB). Configurable so that tests can try the limit without sending 64 MB.
   */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
  /**
   * Requests served at once before the server sheds load with 503 and Retry-After. Far above the
   * database pools (10 PostgreSQL connections, one SQLite writer): past it, requests would only
   * wait for a connection, and a terminal does better to back off and come again.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  public ServerConfig {
    requireNonNull(dataDir, "dataDir == null");
    requireNonNull(sessionTtl, "sessionTtl == null");
    requireNonNull(enrollmentCodeTtl, "enrollmentCodeTtl == null");
    requireNonNull(overdraftPolicy, "overdraftPolicy == null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxConcurrentRequests <= 0) {
      throw new IllegalArgumentException("maxConcurrentRequests <= 0: " + maxConcurrentRequests);
    }
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes <= 0: " + maxRequestBytes);
    }
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("maxUploadBytes <= 0: " + maxUploadBytes);
    }
  }

  /** Production defaults: port 8080, SQLite under {@code dataDir}, 600k PBKDF2 iterations. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(8080, null, dataDir, false, PasswordHasher.DEFAULT_ITERATIONS,
        DEFAULT_MAX_REQUEST_BYTES, null, Duration.ofHours(12), Duration.ofDays(7), DEFAULT_MAX_CONCURRENT_REQUESTS,
        DEFAULT_MAX_UPLOAD_BYTES, OverdraftPolicy.NET);
  }

  /** The JDBC URL actually used. */
  public String effectiveDatabaseUrl() {
    return databaseUrl == null || databaseUrl.isBlank() ? Database.defaultUrl(dataDir) : databaseUrl;
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(newPort, databaseUrl, dataDir, demo, passwordIterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withDatabaseUrl(String url) {
    return new ServerConfig(port, url, dataDir, demo, passwordIterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withDemo(boolean on) {
    return new ServerConfig(port, databaseUrl, dataDir, on, passwordIterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withPasswordIterations(int iterations) {
    return new ServerConfig(port, databaseUrl, dataDir, demo, iterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withMetricsToken(String token) {
    return new ServerConfig(port, databaseUrl, dataDir, demo, passwordIterations, maxRequestBytes, token,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withMaxRequestBytes(long bytes) {
    return new ServerConfig(port, databaseUrl, dataDir, demo, passwordIterations, bytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withMaxConcurrentRequests(int requests) {
    return new ServerConfig(port, databaseUrl, dataDir, demo, passwordIterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, requests, maxUploadBytes, overdraftPolicy);
  }

  public ServerConfig withMaxUploadBytes(long bytes) {
    return new ServerConfig(port, databaseUrl, dataDir, demo, passwordIterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, bytes, overdraftPolicy);
  }

  public ServerConfig withOverdraftPolicy(OverdraftPolicy policy) {
    return new ServerConfig(port, databaseUrl, dataDir, demo, passwordIterations, maxRequestBytes, metricsToken,
        sessionTtl, enrollmentCodeTtl, maxConcurrentRequests, maxUploadBytes, policy);
  }

  /** For logs: no secrets (the metrics token, a password inside the JDBC URL). */
  @Override
  public String toString() {
    return "ServerConfig[port=" + port + ", db=" + effectiveDatabaseUrl().replaceAll("password=[^&]*", "password=***")
        + ", dataDir=" + dataDir + ", demo=" + demo
        + ", overdraftPolicy=" + overdraftPolicy + "]";
  }
}
