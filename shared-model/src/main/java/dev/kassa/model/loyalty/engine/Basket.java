package dev.kassa.model.loyalty.engine;

import static java.util.Objects.requireNonNull;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is being sold: the lines, the coupons presented (coupon definition ids, after
 * {@link dev.kassa.model.loyalty.coupon.CouponRules} accepted their codes) and the points the
 * customer wants to pay with (0 to learn the maximum first; more than the maximum takes the maximum).
 */
public record Basket(Currency currency, List<BasketLine> lines, List<String> couponIds, long pointsToRedeem) {

  public Basket {
    requireNonNull(currency, "currency == null");
    lines = List.copyOf(requireNonNull(lines, "lines == null"));
    couponIds = couponIds == null ? List.of() : List.copyOf(couponIds);
    if (pointsToRedeem < 0) {
      throw new IllegalArgumentException("pointsToRedeem < 0: " + pointsToRedeem);
    }
    Set<Integer> numbers = new HashSet<>();
    for (BasketLine line : lines) {
      if (!line.amount().currency().equals(currency)) {
        throw new IllegalArgumentException("line " + line.lineNo() + " in " + line.amount().currency() + ", basket in " + currency);
      }
      if (!numbers.add(line.lineNo())) {
        throw new IllegalArgumentException("two lines numbered " + line.lineNo());
      }
    }
  }

  public static Basket of(Currency currency, List<BasketLine> lines) {
    return new Basket(currency, lines, List.of(), 0);
  }

  public BasketLine line(int lineNo) {
    for (BasketLine line : lines) {
      if (line.lineNo() == lineNo) {
        return line;
      }
    }
    throw new IllegalArgumentException("no line " + lineNo);
  }

  public Basket redeeming(long points) {
    return new Basket(currency, lines, couponIds, points);
  }

  public Basket withCoupons(List<String> ids) {
    return new Basket(currency, lines, ids, pointsToRedeem);
  }
}
