package dev.kassa.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 14 per test JVM (starting one takes seconds), and a fresh database in it
 * for every test server, so tests never see each other's rows. Stopped by a shutdown hook. As root
 * it is started by {@link RootSafePostgres}.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String adminUrl;

  private TestPostgres() {}

  /** A JDBC URL (with user) of a new, empty database. */
  public static synchronized String newDatabaseUrl() {
    try {
      if (adminUrl == null) {
        adminUrl = start();
      }
      String name = "kassa_test_" + DATABASES.incrementAndGet();
      try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return adminUrl.replace("/postgres?", "/" + name + "?");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }

  /**
   * Drops a database made by {@link #newDatabaseUrl} once nothing uses it any more (a benchmark's
   * throwaway database, whose autovacuum would otherwise run on while the next one is measured).
   */
  public static synchronized void dropDatabase(String url) {
    String name = url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a test database: " + url);
    }
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop " + name, e);
    }
  }

  /** The port of this JVM's cluster, or -1 when none was started yet. */
  public static synchronized int port() {
    if (adminUrl == null) {
      return -1;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(adminUrl);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /**
   * Server settings for an experiment, from {@code -Dkassa.pg.options="-c name=value -c ..."}
   * (names and plain values only).
   */
  static java.util.Map<String, String> extraSettings() {
    String options = System.getProperty("kassa.pg.options", "").trim();
    if (!options.matches("(-c [a-z_]+=[A-Za-z0-9_.]+ *)*")) {
      throw new IllegalArgumentException("kassa.pg.options takes -c name=value settings only: " + options);
    }
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
    for (String setting : options.split("-c ")) {
      if (!setting.isBlank()) {
        String[] nameValue = setting.trim().split("=", 2);
        settings.put(nameValue[0], nameValue[1]);
      }
    }
    return settings;
  }

  private static String start() throws IOException {
    if (RootSafePostgres.runningAsRoot()) {
      return RootSafePostgres.start();
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (Boolean.getBoolean("kassa.pg.statements")) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    }
    extraSettings().forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("max_connections", "200")
        .start();
    return postgres.getJdbcUrl("postgres", "postgres");
  }
}
