package dev.kassa.server.store;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The two engines Kassa runs on: SQLite for a store-sized install with no setup, PostgreSQL for a
 * chain. Each has its own migration folder; the few SQL differences a store class needs are here.
 */
public enum Dialect {
  SQLITE("db/migration/sqlite"),
  POSTGRESQL("db/migration/postgresql");

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The engine a JDBC URL names; anything else is a configuration error. */
  public static Dialect of(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported database URL (jdbc:sqlite: or jdbc:postgresql:): "
        + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
  }

  /** The Flyway location holding this engine's migrations. */
  public String migrationLocation() {
    return "classpath:" + migrations;
  }

  /** True when {@code e} is a unique or primary key violation, on either engine. */
  public boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (this == POSTGRESQL && "23505".equals(sql.getSQLState())) {
          return true;
        }
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067), or the bare 19
        if (this == SQLITE && (sql.getErrorCode() == 19 || sql.getErrorCode() == 1555
            || sql.getErrorCode() == 2067 || String.valueOf(sql.getMessage()).contains("UNIQUE constraint"))) {
          return true;
        }
      }
    }
    return false;
  }
}
