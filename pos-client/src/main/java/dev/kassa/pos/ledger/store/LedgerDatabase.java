package dev.kassa.pos.ledger.store;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.ledger.LedgerCorruptException;
import dev.kassa.pos.ledger.LedgerStorageException;
import dev.kassa.pos.ledger.store.ReaderPool.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The terminal's one SQLite file, its one writer connection and its reader connections. WAL with
 * {@code synchronous=FULL} (a committed sale survives a power cut, not only a crash), foreign keys
 * on, a busy timeout for the backup and verify readers. {@link #write} brackets a unit of work in
 * {@code BEGIN IMMEDIATE ... COMMIT} under the writer's lock (fair), so the cashier's thread and the sync
 * thread never interleave statements on the writer. {@link #read} runs in one read transaction (one
 * snapshot of the file) on a reader connection of its own, taken from a small pool: with WAL a
 * reader never waits for the writer, so the cashier's scans and lookups wait neither for a feed page
 * of a thousand entities the sync thread is writing nor for the outbox it is reading. A read inside a
 * write stays on the writer and sees that write's own rows. Every public operation of the row
 * classes runs inside read or write.
 */
public final class LedgerDatabase implements AutoCloseable {
  public static final String FILE_NAME = "ledger.db";

  private final Path file;
  private final Connection connection;
  private final Session writer;
  /**
   * The writer's lock, fair: a sale commit waiting while the sync thread writes a feed page goes
   * next, before that thread's next page (an unfair lock let it take page after page).
   */
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final int pageSize;
  /** Reader connections, opened as reads need them (after the schema is migrated). */
  private final ReaderPool readers;
  /** The session the current thread's unit of work runs on: the writer, a reader or none. */
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  private LedgerDatabase(Path file, Connection connection) throws SQLException {
    this.file = file;
    this.connection = connection;
    this.writer = new Session(connection, new HashMap<>());
    this.readers = new ReaderPool(file);
    this.pageSize = (int) queryLong("PRAGMA page_size");
  }

  /**
   * Opens (creating when absent) the ledger file, refuses a damaged one with
   * {@link LedgerCorruptException} without touching it, and brings the schema up to date.
   */
  public static LedgerDatabase open(Path file) {
    requireNonNull(file, "file == null");
    SqliteFiles.refuseForeignFile(file);
    Connection connection = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      connection = SqliteFiles.connect(file);
      LedgerDatabase db = new LedgerDatabase(file, connection);
      db.refuseDamage();
      Migrations.migrate(file, connection);
      return db;
    } catch (SQLException e) {
      SqliteFiles.closeQuietly(connection);
      throw SqlErrors.map(file, e);
    } catch (IOException e) {
      SqliteFiles.closeQuietly(connection);
      throw new LedgerStorageException("cannot create " + file.getParent(), e);
    } catch (RuntimeException e) {
      SqliteFiles.closeQuietly(connection);
      throw e;
    }
  }

  private void refuseDamage() throws SQLException {
    List<String> problems = SqliteFiles.check(connection, "PRAGMA quick_check");
    if (!problems.equals(List.of("ok"))) {
      throw new LedgerCorruptException(file, String.join("; ", problems.subList(0, Math.min(5, problems.size()))), null);
    }
  }

  public Path file() {
    return file;
  }

  /** {@code PRAGMA integrity_check}: ["ok"] for a sound file, else what SQLite found. */
  public List<String> integrityCheck() {
    writeLock.lock();
    try {
      return SqliteFiles.check(connection, "PRAGMA integrity_check");
    } catch (SQLException e) {
      throw SqlErrors.mapRead(file, e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Caps the file at about {@code maxBytes} (0 lifts the cap). A till shares its disk with logs
   * and the OS; a cap keeps the ledger from filling it, and reaching it behaves exactly like a
   * full disk: {@code SQLITE_FULL}, nothing written, {@link dev.kassa.pos.ledger.DiskFullException}.
   */
  public void limitSize(long maxBytes) {
    long pages = maxBytes <= 0 ? 4_294_967_294L : Math.max(1, maxBytes / pageSize);
    writeLock.lock();
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA max_page_count = " + pages);
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} in one write transaction; any failure rolls all of it back. */
  public <T> T write(Work<T> work) {
    Session before = current.get();
    if (before == writer) {
      throw new IllegalStateException("a write inside a write");
    }
    writeLock.lock();
    try {
      return writeLocked(work, before);
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T writeLocked(Work<T> work, Session before) {
    try {
      exec("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
    }
    current.set(writer);
    try {
      T result = work.run();
      exec("COMMIT");
      return result;
    } catch (SQLException e) {
      rollback();
      throw SqlErrors.map(file, e);
    } catch (RuntimeException | Error e) {
      rollback();
      throw e;
    } finally {
      if (before == null) {
        current.remove();
      } else {
        current.set(before);
      }
    }
  }

  /**
   * Runs a read on one snapshot of the committed file, on a reader connection: it does not wait
   * for a write in progress (nor for the writer's lock). Inside a {@link #write} it runs on the
   * writer instead, and sees that write's rows.
   */
  public <T> T read(Work<T> work) {
    Session inside = current.get();
    if (inside != null) {
      try {
        return work.run();
      } catch (SQLException e) {
        // inside a write, the write fails with it and saves nothing
        throw inside == writer ? SqlErrors.map(file, e) : SqlErrors.mapRead(file, e);
      }
    }
    Session session;
    try {
      session = readers.take();
    } catch (SQLException e) {
      throw SqlErrors.mapRead(file, e);
    }
    try {
      session.run("BEGIN");
    } catch (SQLException e) {
      readers.discard(session);
      throw SqlErrors.mapRead(file, e);
    }
    boolean failed = false;
    current.set(session);
    try {
      return work.run();
    } catch (SQLException e) {
      failed = true;
      throw SqlErrors.mapRead(file, e);
    } finally {
      current.remove();
      endRead(session);
      if (failed) {
        readers.discard(session);
      } else {
        readers.giveBack(session);
      }
    }
  }

  /** Ends a read transaction; it wrote nothing, so a failed COMMIT is rolled back and forgotten. */
  private static void endRead(Session session) {
    try {
      session.run("COMMIT");
    } catch (SQLException e) {
      try {
        session.run("ROLLBACK");
      } catch (SQLException ignored) {
        // no transaction left open
      }
    }
  }

  private void rollback() {
    try {
      exec("ROLLBACK");
    } catch (SQLException ignored) {
      // SQLite already rolled back by itself (it does on SQLITE_FULL and some I/O errors)
    }
    // the driver may have closed the statement that failed; start the next unit of work afresh
    closeStatements();
  }

  private void exec(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /**
   * A cached prepared statement on the connection of the calling thread's unit of work (inside
   * read or write; outside both, the writer's, under the writer's lock).
   */
  PreparedStatement statement(String sql) throws SQLException {
    Session on = current.get() == null ? writer : current.get();
    PreparedStatement st = on.statement(sql);
    st.clearParameters();
    return st;
  }

  long queryLong(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Copies the whole database to {@code target} with SQLite's online backup API, on a connection of
   * its own and in one step: the copy is one read snapshot of the file, taken without the writer's
   * lock, so the till goes on selling while it is made (with WAL neither waits for the other; done
   * in steps, a write between two steps would start the copy over). {@code target} must not exist.
   */
  public void backupTo(Path target) {
    if (Files.exists(target)) {
      throw new IllegalArgumentException("backup target exists: " + target);
    }
    Connection source = null;
    try {
      source = readers.connect();
      SqliteFiles.backup(source, target);
    } catch (SQLException e) {
      throw SqlErrors.mapRead(file, e);
    } finally {
      SqliteFiles.closeQuietly(source);
    }
  }

  private void closeStatements() {
    SqliteFiles.closeAll(writer.statements());
  }

  @Override
  public void close() {
    readers.close();
    writeLock.lock();
    try {
      closeStatements();
      SqliteFiles.closeQuietly(connection);
    } finally {
      writeLock.unlock();
    }
  }
}
