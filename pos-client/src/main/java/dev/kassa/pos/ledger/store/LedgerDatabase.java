package dev.kassa.pos.ledger.store;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.ledger.LedgerCorruptException;
import dev.kassa.pos.ledger.LedgerStorageException;
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
import org.sqlite.SQLiteConfig;

/**
 * The terminal's one SQLite file and its one writer connection. WAL with {@code synchronous=FULL}
 * (a committed sale survives a power cut, not only a crash), foreign keys on, a busy timeout for
 * the backup and verify readers. Every public operation of the row classes runs under this
 * object's lock, so the cashier's thread and the sync thread never interleave statements on the
 * connection; {@link #write} brackets a unit of work in {@code BEGIN IMMEDIATE ... COMMIT}.
 */
public final class LedgerDatabase implements AutoCloseable {
  public static final String FILE_NAME = "ledger.db";
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final int pageSize;

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  private LedgerDatabase(Path file, Connection connection) throws SQLException {
    this.file = file;
    this.connection = connection;
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
  public synchronized List<String> integrityCheck() {
    try {
      return check("PRAGMA integrity_check");
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
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
  public synchronized void limitSize(long maxBytes) {
    long pages = maxBytes <= 0 ? 4_294_967_294L : Math.max(1, maxBytes / pageSize);
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA max_page_count = " + pages);
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
    }
  }

  /** Runs {@code work} in one write transaction; any failure rolls all of it back. */
  public synchronized <T> T write(Work<T> work) {
    try {
      exec("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
    }
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
    }
  }

  /** Runs a read outside any write transaction (each statement sees committed data). */
  public synchronized <T> T read(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
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

  /** A cached prepared statement; callers run it under this object's lock (inside read or write). */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null || st.isClosed()) {
      st = connection.prepareStatement(sql);
      statements.put(sql, st);
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
   * Copies the whole database to {@code target} with SQLite's online backup API, consistent even
   * while the terminal keeps selling, then fsyncs it by reopening. {@code target} must not exist.
   */
  public synchronized void backupTo(Path target) {
    if (Files.exists(target)) {
      throw new IllegalArgumentException("backup target exists: " + target);
    }
    try (Statement st = connection.createStatement()) {
      st.executeUpdate("backup to '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw SqlErrors.map(file, e);
    }
  }

  private void closeStatements() {
    for (PreparedStatement st : statements.values()) {
      try {
        st.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    statements.clear();
  }

  @Override
  public synchronized void close() {
    closeStatements();
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to do with a connection we are giving up
      }
    }
  }
}
