package dev.kassa.server.store;

import java.sql.SQLException;

/**
 * A database failure that is nobody's input error: the server answers 500 (or 503 when the
 * database is unreachable) and logs the cause; the client never sees SQL.
 */
public final class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(String message, SQLException cause) {
    super(message, cause);
  }
}
