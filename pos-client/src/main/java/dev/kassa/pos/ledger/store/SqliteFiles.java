package dev.kassa.pos.ledger.store;

import dev.kassa.pos.ledger.LedgerCorruptException;
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
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The ledger's file as SQLite sees it: how a connection to it is configured, what a file must be to
 * be opened as one, its checks, its online copy, and closing what is given up.
 */
final class SqliteFiles {
  private static final int SQLITE_OK = 0;
  private static final int SQLITE_DONE = 101;
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteFiles() {}

  /** WAL, {@code synchronous=FULL}, foreign keys on, a busy timeout for the backup and verify readers. */
  static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** SQLite would happily treat an empty or foreign file as a new database; a non-empty one must be ours. */
  static void refuseForeignFile(Path file) {
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

  /** The rows of a check pragma ({@code quick_check}, {@code integrity_check}): ["ok"] for a sound file. */
  static List<String> check(Connection connection, String pragma) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  /** Copies the database {@code source} is connected to into {@code target}, all pages in one step. */
  static void backup(Connection source, Path target) throws SQLException {
    int rc = source.unwrap(SQLiteConnection.class).getDatabase()
        .backup("main", target.toAbsolutePath().toString(), null, 100, 3, -1);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
      throw new SQLException("backup to " + target + " failed (SQLite result code " + rc + ")", null, rc);
    }
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
