package dev.kassa.pos.ledger;

/**
 * The ledger could not grow: the disk (or the ledger's size limit) is full. Nothing of the
 * operation was written; the basket is kept, and the same sale can be completed once space is
 * freed.
 */
public final class DiskFullException extends LedgerException {
  public DiskFullException(Throwable cause) {
    super("The till's storage is full: the sale was NOT saved and no receipt was issued. "
        + "The basket is kept. Call support to free disk space, then complete the sale again.",
        cause == null ? null : cause.getMessage(), cause);
  }
}
