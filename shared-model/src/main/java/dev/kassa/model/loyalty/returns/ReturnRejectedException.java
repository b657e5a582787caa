package dev.kassa.model.loyalty.returns;

/** A return that cannot be made as asked, with the reason a screen can show. */
public final class ReturnRejectedException extends IllegalArgumentException {

  /** Why. */
  public enum Reason {
    NOTHING_RETURNED,
    NO_SUCH_LINE,
    WRONG_UNIT,
    MORE_THAN_SOLD,
    NOT_THIS_SALE
  }

  private final Reason reason;

  public ReturnRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
