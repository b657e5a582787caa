package dev.kassa.pos.ledger;

/**
 * Why the ledger refused an operation. Every subtype carries a message written for the cashier
 * (what happened, whether anything was saved, what to do next), so a screen can show it as is;
 * {@link #getMessage()} adds the technical detail for the log.
 */
public abstract class LedgerException extends RuntimeException {
  private final String cashierMessage;

  protected LedgerException(String cashierMessage, String detail, Throwable cause) {
    super(detail == null ? cashierMessage : cashierMessage + " (" + detail + ")", cause);
    this.cashierMessage = cashierMessage;
  }

  /** What to tell the person at the till. */
  public String cashierMessage() {
    return cashierMessage;
  }
}
