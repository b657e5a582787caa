package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import java.util.List;

/**
 * The loyalty side of a sale: which card, which program version the terminal evaluated it with
 * (the server recomputes with the same version), the tier the customer had, what was earned and
 * redeemed. {@code reservationId} is set when the redemption was held online on the server;
 * {@code offline} marks a redemption made within the offline allowance, unconfirmed by the server.
 *
 * <p>{@code coupons} are the codes presented at the till and accepted by
 * {@link dev.kassa.model.loyalty.coupon.CouponRules}, as scanned or typed: single-use codes the server
 * issued and promo codes of the program. Not coupon definition ids: the code is what the receipt and
 * the office follow (which code was used, and used twice), and the server maps each code back to its
 * definition the way the till did when it recomputes the points.
 */
public record SaleLoyalty(
    String cardNumber,
    int programVersion,
    String tier,
    long pointsEarned,
    long pointsRedeemed,
    Money redeemedValue,
    String reservationId,
    boolean offline,
    List<String> coupons) {

  public SaleLoyalty {
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(redeemedValue, "redeemedValue == null");
    if (programVersion <= 0) {
      throw new IllegalArgumentException("programVersion <= 0: " + programVersion);
    }
    if (pointsEarned < 0) {
      throw new IllegalArgumentException("pointsEarned < 0: " + pointsEarned);
    }
    if (pointsRedeemed < 0) {
      throw new IllegalArgumentException("pointsRedeemed < 0: " + pointsRedeemed);
    }
    coupons = coupons == null ? List.of() : List.copyOf(coupons);
  }
}
