package dev.kassa.server.sync.store;

import dev.kassa.server.store.DataAccessException;
import dev.kassa.server.store.Database;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transactions} on the server's {@link Database}. Servers sharing one PostgreSQL can
 * deadlock or fail to serialise when they merge the same cards at once; such a transaction is
 * rolled back and simply run again (everything it does is idempotent), a few times at most.
 */
public final class DatabaseTransactions implements Transactions {
  private static final Logger log = LoggerFactory.getLogger(DatabaseTransactions.class);
  private static final int ATTEMPTS = 5;

  private final Database db;

  public DatabaseTransactions(Database db) {
    this.db = db;
  }

  @Override
  public <T> T write(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return db.inTransaction(work::run);
      } catch (DataAccessException e) {
        if (attempt >= ATTEMPTS || !retryable(e)) {
          throw e;
        }
        log.info("write transaction rolled back ({}); running it again, attempt {} of {}", state(e), attempt + 1,
            ATTEMPTS);
      }
    }
  }

  @Override
  public <T> T read(SqlWork<T> work) {
    return db.read(work::run);
  }

  /** The database could not be had in time (pool exhausted, connection refused): a 503, not a bug. */
  public static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLNonTransientConnectionException) {
        return true;
      }
    }
    return retryable(e);
  }

  /** The SQLSTATE of the first SQL failure in the chain, for the log (40P01: deadlock). */
  private static String state(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return "SQLSTATE " + sql.getSQLState();
      }
    }
    return "database busy";
  }

  /** A PostgreSQL deadlock or serialization failure, or a busy SQLite file: worth another go. */
  static boolean retryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        if ("40P01".equals(state) || "40001".equals(state) || message.contains("SQLITE_BUSY")) {
          return true;
        }
      }
    }
    return false;
  }
}
