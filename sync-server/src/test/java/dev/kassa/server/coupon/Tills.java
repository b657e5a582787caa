package dev.kassa.server.coupon;

import dev.kassa.model.id.UuidV7;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.sync.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Sales, voids and returns that use coupons and certificates, as a till's journal would carry them. */
final class Tills {
  /** What {@link #sale} totals: five lines of 100.01 to 100.05. */
  static final long TOTAL = 50_015;

  private static final UUID SHIFT = UUID.randomUUID();
  private static long receipt;

  private Tills() {}

  /** A sale on {@code card} presenting {@code coupons}, {@code byCertificate} of it paid by {@code certificate}. */
  static SyncEvent sale(Events till, String card, List<String> coupons, String certificate, long byCertificate) {
    UUID id = UuidV7.next();
    List<SaleLine> lines = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Money price = rub(10_000 + i);
      lines.add(new SaleLine(i, "SKU" + i, "460000000000" + i, "Product " + i, "CAT", Quantity.pieces(1), price, price,
          rub(0), "VAT22", 2200, 0, Set.of()));
    }
    List<Payment> payments = new ArrayList<>();
    if (byCertificate > 0) {
      payments.add(Payment.of(PaymentMethod.GIFT_CERTIFICATE, rub(byCertificate), certificate));
    }
    payments.add(Payment.cash(rub(TOTAL - byCertificate), rub(TOTAL - byCertificate)));
    SaleLoyalty loyalty = new SaleLoyalty(card, 1, null, 0, 0, rub(0), null, false, coupons);
    return till.fiscal(id, new Sale(id, till.storeId(), till.terminalId(), SHIFT, ++receipt, "cashier-1",
        Events.T0.plusSeconds(receipt), lines, rub(TOTAL), payments, loyalty));
  }

  static SyncEvent voidOf(Events till, SyncEvent sale) {
    UUID id = UuidV7.next();
    return till.fiscal(id, new SaleVoid(id, sale.id(), till.storeId(), till.terminalId(), SHIFT, "cashier-1",
        "manager-1", Events.T0.plusSeconds(++receipt), "wrong customer"));
  }

  /** A return of line 1 of {@code sale}, {@code minor} of it refunded onto {@code certificate}. */
  static SyncEvent returnOnto(Events till, SyncEvent sale, String certificate, long minor) {
    UUID id = UuidV7.next();
    return till.fiscal(id, new SaleReturn(id, sale.id(), till.storeId(), till.terminalId(), SHIFT, ++receipt,
        "cashier-1", "manager-1", Events.T0.plusSeconds(receipt),
        List.of(new ReturnLine(1, Quantity.pieces(1), rub(minor), 0)), rub(minor),
        List.of(Payment.of(PaymentMethod.GIFT_CERTIFICATE, rub(minor), certificate)), null, 0, 0, "did not fit"));
  }

  static Money rub(long minor) {
    return Money.ofMinor(minor, "RUB");
  }
}
