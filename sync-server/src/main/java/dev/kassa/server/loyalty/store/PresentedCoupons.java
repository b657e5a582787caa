package dev.kassa.server.loyalty.store;

import dev.kassa.model.loyalty.coupon.CouponCheck;
import dev.kassa.model.loyalty.coupon.CouponRules;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.server.coupon.CouponCodes;
import dev.kassa.server.coupon.store.IssuedCodes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Turns the codes a sale presented ({@link SaleLoyalty#coupons()}) back into the coupon definition ids
 * the till gave its engine, so that the recompute evaluates what the till evaluated. The till ran each
 * code through {@link CouponRules#check} and passed the accepted ones on; so does this, with the coupon
 * as the till knew it: unused (a code another till used first is recorded by the coupon merge, it
 * did not change this till's basket) and, for a promo code, not yet at its limits (the till's count of
 * uses is not the server's to know). Dates, expiry and card binding are checked as the till did, at
 * the sale's time.
 */
final class PresentedCoupons {
  private static final PresentedCoupons NONE = new PresentedCoupons(Map.of());

  private final Map<String, IssuedCoupon> issued;

  private PresentedCoupons(Map<String, IssuedCoupon> issued) {
    this.issued = issued;
  }

  /**
   * Reads the issued codes that {@code sales} presented, in one statement for the batch; none when no
   * sale presented a code that is not a promo code of its program.
   */
  static PresentedCoupons of(Connection c, List<Sale> sales, IntFunction<Optional<CompiledProgram>> programs)
      throws SQLException {
    Set<String> codes = new TreeSet<>();
    for (Sale sale : sales) {
      SaleLoyalty loyalty = sale.loyalty();
      if (loyalty == null || loyalty.coupons().isEmpty()) {
        continue;
      }
      Optional<CompiledProgram> program = programs.apply(loyalty.programVersion());
      for (String code : loyalty.coupons()) {
        if (program.isEmpty() || program.get().promoCoupon(code.strip()) == null) {
          codes.add(CouponCodes.normal(code));
        }
      }
    }
    return codes.isEmpty() ? NONE : new PresentedCoupons(IssuedCodes.find(c, codes));
  }

  /** The definition ids the till evaluated {@code loyalty}'s sale with, made at {@code at}. */
  List<String> definitionIds(CompiledProgram program, SaleLoyalty loyalty, Instant at) {
    Set<String> ids = new LinkedHashSet<>();
    for (String code : loyalty.coupons()) {
      IssuedCoupon coupon = issued.get(CouponCodes.normal(code));
      CouponCheck check = CouponRules.check(program, code, coupon == null ? null : unused(coupon), null,
          loyalty.cardNumber(), at);
      if (check.accepted()) {
        ids.add(check.definitionId());
      }
    }
    return new ArrayList<>(ids);
  }

  private static IssuedCoupon unused(IssuedCoupon coupon) {
    return coupon.used() ? CouponRules.release(coupon, coupon.usedInSale()) : coupon;
  }
}
