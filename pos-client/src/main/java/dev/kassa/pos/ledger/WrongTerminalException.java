package dev.kassa.pos.ledger;

/** The data directory holds another terminal's ledger; it is never reused for a different terminal. */
public final class WrongTerminalException extends LedgerException {
  public WrongTerminalException(String expected, String found) {
    super("This data directory belongs to terminal " + found + ", not " + expected
        + ". Use the terminal's own data directory.", null, null);
  }
}
