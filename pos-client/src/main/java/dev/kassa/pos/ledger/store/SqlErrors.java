package dev.kassa.pos.ledger.store;

import dev.kassa.pos.ledger.DiskFullException;
import dev.kassa.pos.ledger.LedgerCorruptException;
import dev.kassa.pos.ledger.LedgerException;
import dev.kassa.pos.ledger.LedgerStorageException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into the ledger's typed errors; the one place that knows them. */
final class SqlErrors {
  private SqlErrors() {}

  /** A failed write (or open): {@link LedgerStorageException} says nothing was saved. */
  static LedgerException map(Path file, SQLException e) {
    return map(file, e, false);
  }

  /** A failed read: {@link LedgerStorageException#reading} says nothing was changed. */
  static LedgerException mapRead(Path file, SQLException e) {
    return map(file, e, true);
  }

  private static LedgerException map(Path file, SQLException e, boolean reading) {
    int primary = primaryCode(e);
    if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
      return new DiskFullException(e);
    }
    if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new LedgerCorruptException(file, e.getMessage(), e);
    }
    return reading ? LedgerStorageException.reading(e.getMessage(), e) : new LedgerStorageException(e.getMessage(), e);
  }

  private static int primaryCode(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      return sqlite.getResultCode().code & 0xFF;
    }
    return e.getErrorCode() & 0xFF;
  }
}
