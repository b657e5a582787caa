package dev.kassa.model.loyalty.coupon;

/**
 * Whether a presented code may go into the basket: {@code ACCEPTED} with the coupon definition id the
 * engine takes, or the reason it may not (a screen shows {@code message}).
 */
public record CouponCheck(Status status, String definitionId, String message) {

  /** The outcome of checking a code. */
  public enum Status {
    ACCEPTED,
    UNKNOWN_CODE,
    ALREADY_USED,
    NOT_YET_VALID,
    EXPIRED,
    OTHER_CARD,
    CARD_REQUIRED,
    LIMIT_REACHED,
    CARD_LIMIT_REACHED
  }

  public boolean accepted() {
    return status == Status.ACCEPTED;
  }

  static CouponCheck accepted(String definitionId) {
    return new CouponCheck(Status.ACCEPTED, definitionId, "accepted");
  }

  static CouponCheck rejected(Status status, String definitionId, String message) {
    return new CouponCheck(status, definitionId, message);
  }
}
