package dev.kassa.server.coupon.store;

import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * The issued single-use codes as other features read them, without locking: the points recompute
 * needs each code's definition, not its use, so it must not queue behind a push that is using it.
 */
public final class IssuedCodes {
  private IssuedCodes() {}

  /** The coupons of {@code normalCodes} (see {@code CouponCodes.normal}) that were issued, by code. */
  public static Map<String, IssuedCoupon> find(Connection c, Collection<String> normalCodes) throws SQLException {
    return CouponRows.coupons(c, normalCodes, false);
  }
}
