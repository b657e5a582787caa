package dev.kassa.pos.ledger;

/**
 * The ledger could not read or write its file for a reason other than a full disk or damage. What
 * the cashier is told depends on which: a failed write saved nothing, a failed read changed nothing.
 */
public final class LedgerStorageException extends LedgerException {
  private static final String WRITING =
      "The till could not save to its sales database: nothing was saved. Try again; if it repeats, call support.";
  private static final String READING =
      "The till could not read its sales database: nothing was changed. Try again; if it repeats, call support.";

  /** A write (or opening the ledger) failed. */
  public LedgerStorageException(String detail, Throwable cause) {
    this(false, detail, cause);
  }

  private LedgerStorageException(boolean reading, String detail, Throwable cause) {
    super(reading ? READING : WRITING, detail, cause);
  }

  /** A read failed: nothing was written, so nothing was lost. */
  public static LedgerStorageException reading(String detail, Throwable cause) {
    return new LedgerStorageException(true, detail, cause);
  }
}
