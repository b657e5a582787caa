package dev.kassa.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;

/**
 * The server's database, SQLite or PostgreSQL, behind two helpers: {@link #inTransaction} for
 * writes and {@link #read} for reads.
 *
 * <p>SQLite allows one writer at a time; rather than let several pooled connections fight over
 * the lock (and fail with SQLITE_BUSY), writes go through a pool of exactly ONE connection, so
 * they queue in Java, and reads use a small separate pool that WAL lets run beside the writer.
 * {@code synchronous=FULL}: a batch the server has acknowledged survives a power cut.
 * PostgreSQL gets one ordinary pool for both.
 *
 * <p>Migrations: Flyway, one folder per engine ({@code db/migration/sqlite},
 * {@code db/migration/postgresql}), the same version numbers in both.
 */
public final class Database implements AutoCloseable {
  private static final int SQLITE_READERS = 4;
  private static final int POSTGRES_POOL = 10;

  private final Dialect dialect;
  private final HikariDataSource writer;
  private final HikariDataSource reader;

  private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
    this.dialect = dialect;
    this.writer = writer;
    this.reader = reader;
  }

  /** The default database: an SQLite file in the data directory, created when missing. */
  public static String defaultUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("kassa.db");
  }

  /** Opens the pools and brings the schema up to date. */
  public static Database open(String jdbcUrl) {
    Dialect dialect = Dialect.of(jdbcUrl);
    Database database = dialect == Dialect.SQLITE ? openSqlite(jdbcUrl) : openPostgres(jdbcUrl);
    try {
      database.migrate();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  private static Database openSqlite(String url) {
    HikariDataSource writer = new HikariDataSource(sqliteConfig(url, "kassa-sqlite-writer", 1));
    HikariDataSource reader = new HikariDataSource(sqliteConfig(url, "kassa-sqlite-reader", SQLITE_READERS));
    return new Database(Dialect.SQLITE, writer, reader);
  }

  private static HikariConfig sqliteConfig(String url, String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    // sqlite-jdbc reads these pragmas from the connection properties on every new connection
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "FULL");
    config.addDataSourceProperty("busy_timeout", "10000");
    config.addDataSourceProperty("foreign_keys", "true");
    return config;
  }

  private static Database openPostgres(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("kassa-postgres");
    // JDBC batches of INSERTs travel as multi-row INSERTs: one round trip instead of one per row
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setMaximumPoolSize(POSTGRES_POOL);
    config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    HikariDataSource pool = new HikariDataSource(config);
    return new Database(Dialect.POSTGRESQL, pool, pool);
  }

  private void migrate() {
    Flyway.configure()
        .dataSource(writer)
        .locations(dialect.migrationLocation())
        .load()
        .migrate();
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in one transaction on a write connection: committed when it returns,
   * rolled back when it throws. A {@link SQLException} comes out as {@link DataAccessException};
   * an unchecked exception (a validation error found mid-way) is rethrown as is after the rollback.
   */
  public <T> T inTransaction(SqlFunction<T> work) {
    try (Connection connection = writer.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException("transaction failed", e);
    }
  }

  /** Runs {@code work} on a read connection in autocommit mode; it must not write. */
  public <T> T read(SqlFunction<T> work) {
    try (Connection connection = reader.getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new DataAccessException("read failed", e);
    }
  }

  /** For /health: the database answers a trivial query. */
  public boolean isReachable() {
    try (Connection connection = reader.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    if (reader != writer) {
      reader.close();
    }
    writer.close();
  }
}
