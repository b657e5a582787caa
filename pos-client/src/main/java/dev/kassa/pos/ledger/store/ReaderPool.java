package dev.kassa.pos.ledger.store;

import dev.kassa.pos.ledger.LedgerStorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's reader connections: each refuses writes ({@code query_only}) and serves one thread
 * at a time; a few idle ones are kept open, and a busier moment opens more and closes them after.
 * With WAL a reader never waits for the writer, so a read taken from here does not wait for a feed
 * page the sync thread is writing.
 */
final class ReaderPool implements AutoCloseable {
  /** At most this many idle readers are kept open. */
  private static final int IDLE = 3;

  /** A connection and its prepared statements, used by one thread at a time. */
  record Session(Connection connection, Map<String, PreparedStatement> statements) {
    /** The statement for {@code sql} on this connection, prepared once and kept. */
    PreparedStatement statement(String sql) throws SQLException {
      PreparedStatement st = statements.get(sql);
      if (st == null || st.isClosed()) {
        st = connection.prepareStatement(sql);
        statements.put(sql, st);
      }
      return st;
    }

    /** Runs a statement without parameters, prepared once (BEGIN and COMMIT come with every read). */
    void run(String sql) throws SQLException {
      statement(sql).execute();
    }

    void close() {
      SqliteFiles.closeAll(statements);
      SqliteFiles.closeQuietly(connection);
    }
  }

  private final Path file;
  private final Deque<Session> idle = new ArrayDeque<>();
  private boolean closed;

  ReaderPool(Path file) {
    this.file = file;
  }

  Session take() throws SQLException {
    synchronized (this) {
      refuseIfClosed();
      Session session = idle.pollFirst();
      if (session != null) {
        return session;
      }
    }
    return new Session(connect(), new HashMap<>());
  }

  void giveBack(Session session) {
    synchronized (this) {
      if (!closed && idle.size() < IDLE) {
        idle.addFirst(session);
        return;
      }
    }
    discard(session);
  }

  /** A session that failed: closed, not reused. */
  void discard(Session session) {
    session.close();
  }

  /** A reader connection outside the pool, for the caller to close (a backup's source). */
  Connection connect() throws SQLException {
    synchronized (this) {
      refuseIfClosed();
    }
    Connection connection = SqliteFiles.connect(file);
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA query_only = ON");
    } catch (SQLException e) {
      SqliteFiles.closeQuietly(connection);
      throw e;
    }
    return connection;
  }

  private void refuseIfClosed() {
    if (closed) {
      throw LedgerStorageException.reading("the ledger " + file + " is closed", null);
    }
  }

  /**
   * Closes the idle readers and refuses new reads; a read still running elsewhere finishes on its
   * connection, which is closed when it comes back ({@link #giveBack}).
   */
  @Override
  public void close() {
    List<Session> idleNow;
    synchronized (this) {
      closed = true;
      idleNow = new ArrayList<>(idle);
      idle.clear();
    }
    idleNow.forEach(Session::close);
  }
}
