package dev.kassa.model.loyalty.certificate;

/** A gift certificate that cannot be sold or pay, with the reason a screen can show. */
public final class CertificateRejectedException extends IllegalArgumentException {

  /** Why. */
  public enum Reason {
    NOT_SOLD_HERE,
    DENOMINATION,
    EXPIRED,
    BLOCKED,
    EMPTY
  }

  private final Reason reason;

  public CertificateRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
