package dev.kassa.server.sync.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Fresh, migrated databases for store tests: an SQLite file in a temp directory, or a new database
 * in one embedded PostgreSQL shared by the whole test run (started once, a few seconds).
 */
public final class TestDb {
  public enum Engine { SQLITE, POSTGRESQL }

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDb() {}

  public static DataSource create(Engine engine, Path dir) {
    DataSource ds = engine == Engine.SQLITE ? sqlite(dir.resolve("server-" + NEXT.incrementAndGet() + ".db"))
        : postgresDatabase();
    Flyway.configure().dataSource(ds)
        .locations("classpath:db/migration/" + (engine == Engine.SQLITE ? "sqlite" : "postgresql"))
        .load().migrate();
    return ds;
  }

  public static DataSource sqlite(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file);
    return ds;
  }

  /** A new empty database in the shared embedded server. */
  public static synchronized DataSource postgresDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      String name = "kassa_test_" + NEXT.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return postgres.getDatabase("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
