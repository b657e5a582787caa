package dev.kassa.server.sync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * {@link Transactions} over a pooled {@link DataSource}. SQLite allows one writer at a time, so
 * write transactions of this process queue on a lock and begin IMMEDIATE (taking the file's write
 * lock up front instead of failing half way); PostgreSQL runs them concurrently at READ COMMITTED,
 * serialised where it matters by row locks, and a deadlock or serialization failure is retried.
 */
public final class DataSourceTransactions implements Transactions {
  private static final int ATTEMPTS = 5;

  private final DataSource dataSource;
  private final boolean sqlite;
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);

  public DataSourceTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
    try (Connection c = dataSource.getConnection()) {
      this.sqlite = !Sql.isPostgres(c);
    } catch (SQLException e) {
      throw new StoreException("database unreachable", e);
    }
  }

  @Override
  public <T> T write(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      if (sqlite) {
        sqliteWriter.lock();
      }
      try (Connection c = dataSource.getConnection()) {
        return inTransaction(c, work, true);
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !retryable(e)) {
          throw new StoreException("write transaction failed", e);
        }
      } finally {
        if (sqlite) {
          sqliteWriter.unlock();
        }
      }
    }
  }

  @Override
  public <T> T read(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return inTransaction(c, work, false);
    } catch (SQLException e) {
      throw new StoreException("read failed", e);
    }
  }

  private <T> T inTransaction(Connection c, SqlWork<T> work, boolean write) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    if (sqlite && write) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
    } else {
      c.setAutoCommit(false);
    }
    try {
      T result = work.run(c);
      if (sqlite && write) {
        try (Statement s = c.createStatement()) {
          s.execute("COMMIT");
        }
      } else {
        c.commit();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        if (sqlite && write) {
          try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
          }
        } else {
          c.rollback();
        }
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Deadlock, serialization failure, or SQLite busy/locked: worth trying again. */
  static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    if ("40P01".equals(state) || "40001".equals(state)) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
  }
}
