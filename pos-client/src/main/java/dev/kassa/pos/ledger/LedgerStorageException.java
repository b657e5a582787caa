package dev.kassa.pos.ledger;

/** The ledger could not read or write its file for a reason other than a full disk or damage. */
public final class LedgerStorageException extends LedgerException {
  public LedgerStorageException(String detail, Throwable cause) {
    super("The till could not save to its sales database: nothing was saved. Try again; if it repeats, call support.",
        detail, cause);
  }
}
