package dev.kassa.pos.ledger.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteDataSource;

/**
 * Creates and upgrades the ledger schema in place with Flyway ({@code classpath:db/terminal}), so
 * an installed terminal keeps its sales across versions. Flyway is skipped when the file already
 * has the latest version: it costs a few hundred milliseconds of class loading and scanning that a
 * till restarting after a power cut should not pay.
 */
public final class Migrations {
  /** The highest {@code V<n>__*.sql} under {@code db/terminal}; a test keeps the two in step. */
  public static final int LATEST_VERSION = 3;
  static final String LOCATION = "classpath:db/terminal";

  private Migrations() {}

  static void migrate(Path file, Connection connection) throws SQLException {
    if (installedVersion(connection) >= LATEST_VERSION) {
      return;
    }
    migrateTo(file, null);
  }

  /** Upgrades {@code file} to {@code version} (null: the latest); for the upgrade test. */
  public static void migrateTo(Path file, Integer version) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    dataSource.setJournalMode("WAL");
    dataSource.setSynchronous("FULL");
    dataSource.setEnforceForeignKeys(true);
    var config = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .failOnMissingLocations(true);
    if (version != null) {
      config.target(String.valueOf(version));
    }
    try {
      config.load().migrate();
    } catch (FlywayException e) {
      throw new dev.kassa.pos.ledger.LedgerStorageException("schema migration failed: " + e.getMessage(), e);
    }
  }

  static int installedVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet tables = st.executeQuery(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
      if (!tables.next() || tables.getLong(1) == 0) {
        return 0;
      }
    }
    int version = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
      while (rs.next()) {
        version = Math.max(version, Integer.parseInt(rs.getString(1)));
      }
    }
    return version;
  }
}
