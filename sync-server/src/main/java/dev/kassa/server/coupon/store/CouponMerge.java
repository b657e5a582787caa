package dev.kassa.server.coupon.store;

import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.server.coupon.CouponCodes;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What pushed sales, voids and returns do to coupons and certificates, inside the push transaction.
 * A sale uses the single-use codes it names ({@code SaleLoyalty.coupons()}; entries that are no issued
 * code, such as promo codes, are not this class's business) and takes its certificate payments off
 * the certificates' balances. A void gives both back, as if the sale had not happened. A return
 * refunded onto a certificate puts the amount back on it (never above its initial value); it does not
 * give back a coupon: the rest of the basket kept its discount, as at any till.
 *
 * <p>Nothing the till did offline is refused here: it is a fiscal fact. A code another sale used
 * too (two tills, both offline) is recorded in {@code coupon_reuses}: the earliest live sale holds the
 * code, whatever order the pushes came in ({@link MergeBatch}); a certificate that could not
 * cover a payment (unknown, blocked, expired, empty, short) is charged what it had, and the movement
 * is flagged. Both are there for the office to follow up.
 */
public final class CouponMerge {
  private final FeedWriter feed;

  public CouponMerge(FeedWriter feed) {
    this.feed = feed;
  }

  /**
   * A batch's documents that concern coupons or certificates. Building it costs a look at each sale's
   * coupons and payments, no statement: most batches have none, and then the merge is skipped.
   */
  public static final class Work {
    private final List<Sale> sales = new ArrayList<>();
    private final List<SaleVoid> voids = new ArrayList<>();
    private final List<SaleReturn> returns = new ArrayList<>();

    public void sale(Sale sale) {
      boolean coupons = sale.loyalty() != null && !sale.loyalty().coupons().isEmpty();
      if (coupons || paysByCertificate(sale.payments())) {
        sales.add(sale);
      }
    }

    /** Any void: whether its sale used a coupon or certificate is known only to the database. */
    public void voided(SaleVoid saleVoid) {
      voids.add(saleVoid);
    }

    public void returned(SaleReturn saleReturn) {
      if (paysByCertificate(saleReturn.refunds())) {
        returns.add(saleReturn);
      }
    }

    public boolean isEmpty() {
      return sales.isEmpty() && voids.isEmpty() && returns.isEmpty();
    }

    private static boolean paysByCertificate(List<Payment> payments) {
      for (Payment payment : payments) {
        if (payment.method() == PaymentMethod.GIFT_CERTIFICATE) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Applies {@code work} and answers the feed entities of what changed, for {@link #publish} once the
   * rest of the push has written its rows (taking feed numbers locks the feed until commit).
   */
  public List<ChangeLog.Entry> merge(Connection c, Work work, Instant now) throws SQLException {
    if (work.isEmpty()) {
      return List.of();
    }
    Set<String> couponCodes = new TreeSet<>();
    Set<String> certificateCodes = new TreeSet<>();
    for (Sale sale : work.sales) {
      if (sale.loyalty() != null) {
        sale.loyalty().coupons().forEach(code -> couponCodes.add(CouponCodes.normal(code)));
      }
      certificateCodes.addAll(certificateCodes(sale.payments()));
    }
    for (SaleReturn r : work.returns) {
      certificateCodes.addAll(certificateCodes(r.refunds()));
    }
    List<UUID> voidedSales = work.voids.stream().map(SaleVoid::saleId).toList();
    CouponMoves.Earlier earlier = CouponMoves.earlier(c, voidedSales,
        work.returns.stream().map(SaleReturn::id).toList());
    couponCodes.addAll(earlier.couponsUsed().keySet());
    couponCodes.addAll(earlier.couponsReused());
    earlier.certificateMoves().forEach(m -> certificateCodes.add(m.code()));

    // the coupon rows are locked first: a code's reuse rows change only under its coupon's lock
    Map<String, IssuedCoupon> coupons = CouponRows.coupons(c, couponCodes, true);
    MergeBatch batch = new MergeBatch(coupons, coupons.isEmpty() ? Map.of() : CouponMoves.reuses(c, coupons.keySet()),
        CouponRows.certificates(c, certificateCodes, true), earlier, now);
    work.sales.forEach(batch::sale);
    work.voids.forEach(batch::voided);
    work.returns.forEach(batch::returned);
    return batch.write(c);
  }

  /** Publishes what {@link #merge} answered; call it last in the push transaction. */
  public void publish(Connection c, List<ChangeLog.Entry> changes) throws SQLException {
    if (!changes.isEmpty()) {
      feed.appendAll(c, changes);
    }
  }

  private static List<String> certificateCodes(List<Payment> payments) {
    List<String> codes = new ArrayList<>();
    for (Payment payment : payments) {
      if (payment.method() == PaymentMethod.GIFT_CERTIFICATE && payment.reference() != null) {
        codes.add(CouponCodes.normal(payment.reference()));
      }
    }
    return codes;
  }
}
