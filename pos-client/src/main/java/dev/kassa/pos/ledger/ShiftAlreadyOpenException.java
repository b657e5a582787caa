package dev.kassa.pos.ledger;

/** A shift was opened while another one is still open: close it with a Z report first. */
public final class ShiftAlreadyOpenException extends LedgerException {
  public ShiftAlreadyOpenException(String openedBy) {
    super("A shift is already open (opened by " + openedBy + "). Close it with a Z report first.", null, null);
  }
}
