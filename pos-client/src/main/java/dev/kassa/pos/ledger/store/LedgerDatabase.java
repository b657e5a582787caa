package dev.kassa.pos.ledger.store;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.ledger.LedgerCorruptException;
import dev.kassa.pos.ledger.LedgerStorageException;
import dev.kassa.pos.ledger.store.ReaderPool.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

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
  private static final int SQLITE_OK = 0;
  private static final int SQLITE_DONE = 101;
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

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
    refuseForeignFile(file);
    Connection connection = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      connection = connect(file);
      LedgerDatabase db = new LedgerDatabase(file, connection);
      db.refuseDamage();
      Migrations.migrate(file, connection);
      return db;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw SqlErrors.map(file, e);
    } catch (IOException e) {
      closeQuietly(connection);
      throw new LedgerStorageException("cannot create " + file.getParent(), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** SQLite would happily treat an empty or foreign file as a new database; a non-empty one must be ours. */
  private static void refuseForeignFile(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        return;
      }
      byte[] header = new byte[SQLITE_HEADER.length];
      int read;
      try (InputStream in = Files.newInputStream(file)) {
        read = in.readNBytes(header, 0, header.length);
      }
      if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
        throw new LedgerCorruptException(file, "not an SQLite database (bad header)", null);
      }
    } catch (IOException e) {
      throw new LedgerCorruptException(file, "cannot read the file header: " + e.getMessage(), e);
    }
  }

  private void refuseDamage() throws SQLException {
    List<String> problems = check("PRAGMA quick_check");
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
      return check("PRAGMA integrity_check");
    } catch (SQLException e) {
      throw SqlErrors.mapRead(file, e);
    } finally {
      writeLock.unlock();
    }
  }

  private List<String> check(String pragma) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
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
    PreparedStatement st = on.statements().get(sql);
    if (st == null || st.isClosed()) {
      st = on.connection().prepareStatement(sql);
      on.statements().put(sql, st);
    }
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
      int rc = source.unwrap(SQLiteConnection.class).getDatabase()
          .backup("main", target.toAbsolutePath().toString(), null, 100, 3, -1);
      if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        throw new SQLException("backup to " + target + " failed (SQLite result code " + rc + ")", null, rc);
      }
    } catch (SQLException e) {
      throw SqlErrors.mapRead(file, e);
    } finally {
      closeQuietly(source);
    }
  }

  private void closeStatements() {
    closeAll(writer.statements());
  }

  static void closeAll(Map<String, PreparedStatement> cache) {
    for (PreparedStatement st : cache.values()) {
      try {
        st.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    cache.clear();
  }

  @Override
  public void close() {
    readers.close();
    writeLock.lock();
    try {
      closeStatements();
      closeQuietly(connection);
    } finally {
      writeLock.unlock();
    }
  }

  static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to do with a connection we are giving up
      }
    }
  }
}
