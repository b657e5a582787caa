package dev.kassa.pos.ledger;

/** A sale, return or cash movement was attempted with no shift open on the terminal. */
public final class NoOpenShiftException extends LedgerException {
  public NoOpenShiftException() {
    super("No shift is open. Open a shift before selling.", null, null);
  }
}
