package dev.kassa.server.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * A database failure that is nobody's input error: the server answers 500 (or 503 when the
 * database is unreachable) and logs the cause; the client never sees SQL.
 */
public final class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(String message, SQLException cause) {
    super(message, cause);
  }

  /**
   * True when a unique or primary key refused the write: two requests raced to create the same
   * thing and this one lost. The server answers 409.
   */
  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException sql
        && (Dialect.POSTGRESQL.isUniqueViolation(sql) || Dialect.SQLITE.isUniqueViolation(sql));
  }

  /**
   * True when trying again later may well work: the pool had no connection in time, the connection
   * broke, SQLite was busy, or PostgreSQL chose this transaction as a deadlock or serialization
   * victim. The server answers these with 503 and Retry-After instead of a 500.
   */
  public boolean isBusy() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        if (state.equals("40001") || state.equals("40P01") || state.startsWith("08") || state.equals("53300")
            || String.valueOf(sql.getMessage()).contains("SQLITE_BUSY")) {
          return true;
        }
      }
    }
    return false;
  }
}
