package dev.kassa.pos.receipt;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.code.VariableMeasureLayout;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.shift.ShiftTotals;
import dev.kassa.pos.device.escpos.RasterImage;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Fixed sample documents: a Cyrillic grocery receipt with a weighed line, discounts, two VAT rates,
 * cash with change and an offline loyalty block, plus X and Z reports. Deterministic (fixed ids and
 * times), so the demo and the golden tests print exactly the same thing every time.
 */
public final class SampleReceipts {
  public static final UUID SALE_ID = UUID.fromString("0193a6e2-7c4d-7a31-9b2e-5f1c2d3e4f50");
  private static final UUID SHIFT_ID = UUID.fromString("0193a6e0-0000-7000-8000-000000000001");
  private static final Instant SOLD_AT = Instant.parse("2026-11-30T16:30:00Z");
  /** A valid demo card number (prefix 7700, Luhn check digit). */
  public static final String CARD_NUMBER = LoyaltyCardFormat.standard().generate(1_234_567).orElseThrow();
  /** The scale label on the sample's apples: prefix 22, PLU 02002, 734 g. */
  public static final String APPLES_LABEL = VariableMeasureLayout.russia().encode(22, "02002", 734).orElseThrow().digits();
  private static final Instant OPENED_AT = Instant.parse("2026-11-30T05:00:00Z");

  private SampleReceipts() {}

  public static StoreHeader store() {
    return new StoreHeader("Продукты у дома", List.of("г. Москва, ул. Ленина, 1", "ИНН 7701234567"),
        ZoneId.of("Europe/Moscow"), Optional.of(logo()));
  }

  public static Sale sale() {
    SaleLine milk = new SaleLine(1, "1001", "4601234567893", "Молоко «Домик» 3,2% 930 мл", "dairy",
        Quantity.pieces(2), rub(8990), rub(17980), rub(1798), "VAT10", 1000, 16, Set.of());
    SaleLine apples = new SaleLine(2, "2002", APPLES_LABEL, "Яблоки Гала", "fruit",
        Quantity.grams(734), rub(14900), rub(10937), rub(0), "VAT10", 1000, 10, Set.of());
    SaleLine coffee = new SaleLine(3, "3003", "4607001234562", "Кофе молотый Арабика 250 г", "grocery",
        Quantity.pieces(1), rub(54900), rub(54900), rub(5490), "VAT22", 2200, 49, Set.of());
    SaleLine cigarettes = new SaleLine(4, "4004", "4600000000015", "Сигареты", "tobacco",
        Quantity.pieces(1), rub(21500), rub(21500), rub(0), "VAT22", 2200, 0,
        Set.of(ProductFlag.NO_ACCRUAL, ProductFlag.NO_DISCOUNT));
    List<SaleLine> lines = List.of(milk, apples, coffee, cigarettes);
    Money total = lines.stream().map(SaleLine::net).reduce(Money::plus).orElseThrow();
    Money points = rub(10000);
    Money cash = total.minus(points);
    SaleLoyalty loyalty = new SaleLoyalty(CARD_NUMBER, 3, "Золото", 75, 100, points, null, true, List.of());
    return new Sale(SALE_ID, "store-1", "T-01", SHIFT_ID, 42, "cashier-7", SOLD_AT, lines, total,
        List.of(Payment.of(PaymentMethod.POINTS, points, null), Payment.cash(cash, rub(100000))), loyalty);
  }

  public static Receipt receipt() {
    Sale sale = sale();
    return new Receipt(store(), sale, "Иванова А.",
        Optional.of(ReceiptLoyalty.of(sale.loyalty(), 1_215,
            List.of("Золото: 5% от суммы", "Среда: баллы x2 на молочное", "Табак без начисления"))),
        List.of("Спасибо за покупку!", "Обмен и возврат по QR-коду чека"));
  }

  public static ShiftReport xReport() {
    return report(ShiftReport.Kind.X, 0);
  }

  public static ShiftReport zReport() {
    return report(ShiftReport.Kind.Z, 12);
  }

  private static ShiftReport report(ShiftReport.Kind kind, long zNumber) {
    ShiftTotals totals = new ShiftTotals(118, rub(12_345_600), 2, rub(85_000), 1,
        rub(4_100_000), rub(8_045_600), rub(150_000), rub(50_000),
        rub(500_000), rub(2_000_000), rub(2_515_000));
    return new ShiftReport(kind, zNumber, store(), "T-01", "Иванова А.", OPENED_AT, SOLD_AT, totals,
        Map.of(2200, rub(1_200_000), 1000, rub(650_000)));
  }

  /** A 96 x 48 dot logo drawn from rectangles, so it looks the same on every machine. */
  static RasterImage logo() {
    BufferedImage image = new BufferedImage(96, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 96; x++) {
        boolean frame = x < 3 || x >= 93 || y < 3 || y >= 45;
        boolean basket = y >= 18 && y < 36 && x >= 24 && x < 72 && (x - 24) % 8 < 4;
        boolean handle = y >= 10 && y < 14 && x >= 36 && x < 60;
        image.setRGB(x, y, frame || basket || handle ? 0x000000 : 0xFFFFFF);
      }
    }
    return RasterImage.of(image);
  }

  private static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, "RUB");
  }
}
