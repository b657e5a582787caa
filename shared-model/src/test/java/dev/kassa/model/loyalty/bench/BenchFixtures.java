package dev.kassa.model.loyalty.bench;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.program.Campaign;
import dev.kassa.model.loyalty.program.Conditions;
import dev.kassa.model.loyalty.program.Effect;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.Stacking;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Quantity;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A realistic grocery check and programs to evaluate it against: the demo program, and the demo
 * program grown to 50 campaigns of every condition and effect kind (some out of date, some for other
 * days or tiers, so that the engine also pays for rules that do not apply).
 */
public final class BenchFixtures {
  static final Currency RUB = Currency.getInstance("RUB");
  /** A Wednesday, 15:00 in Moscow. */
  static final Instant AT = Instant.parse("2026-06-10T12:00:00Z");
  private static final String[] CATEGORIES =
      {"dairy", "bakery", "fruit-veg", "tea-coffee", "meat", "sweets", "alcohol", "tobacco", "household"};

  private BenchFixtures() {}

  /** {@code lines} lines over nine categories, every fifth one weighed, tobacco with its legal flags. */
  static Basket basket(int lines) {
    List<BasketLine> list = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      String category = CATEGORIES[i % CATEGORIES.length];
      Money price = Money.ofMinor(3_990 + 1_370L * i, RUB);
      Quantity quantity = i % 5 == 0 ? Quantity.grams(350 + 37L * i) : Quantity.pieces(1 + i % 3);
      ProductFlag[] flags = category.equals("tobacco")
          ? new ProductFlag[] {ProductFlag.NO_ACCRUAL, ProductFlag.NO_DISCOUNT, ProductFlag.NO_REDEMPTION}
          : new ProductFlag[0];
      list.add(BasketLine.of(i, String.format("sku-%03d", i), category, quantity, price, flags));
    }
    return new Basket(RUB, list, List.of("coupon-500"), 800);
  }

  static CardState goldCard() {
    return new CardState("2000000000046", 5_000, List.of(), "gold", Money.ofMinor(6_000_000, RUB),
        Instant.parse("2025-01-10T10:00:00Z"), LocalDate.of(1990, 3, 1));
  }

  static LoyaltyProgram demoProgram() {
    return DemoProgram.load();
  }

  /** The demo program plus generated campaigns up to {@code total} campaigns. */
  static LoyaltyProgram programWithCampaigns(int total) {
    LoyaltyProgram demo = DemoProgram.load();
    List<Campaign> campaigns = new ArrayList<>(demo.campaigns());
    for (int i = 0; campaigns.size() < total; i++) {
      campaigns.add(campaign(i));
    }
    return new LoyaltyProgram(demo.schema(), demo.version(), demo.name(), demo.currency(), demo.timeZone(),
        demo.rounding(), demo.accrual(), demo.discountExclusions(), demo.tiers(), campaigns, demo.redemption(),
        demo.expiry(), demo.bonuses(), demo.coupons(), demo.giftCertificates());
  }

  private static Campaign campaign(int i) {
    String category = CATEGORIES[i % CATEGORIES.length];
    Effect effect = switch (i % 4) {
      case 0 -> Effect.percentOff(BigDecimal.valueOf(5 + i % 15));
      case 1 -> Effect.multiplier(BigDecimal.valueOf(150 + 10 * (i % 15), 2));
      case 2 -> Effect.bonusPoints(10 + i);
      default -> Effect.amountOff(BigDecimal.valueOf(50 + 10 * i));
    };
    Conditions when = switch (i % 5) {
      case 0 -> new Conditions(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null, null,
          List.of(category), null, null, null, null);
      case 1 -> new Conditions(null, null, List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), null,
          null, null, List.of(category), null, null, null, null);
      case 2 -> new Conditions(null, null, null, LocalTime.of(10, 0), LocalTime.of(22, 0), null, List.of(category),
          BigDecimal.valueOf(1000), null, null, null);
      case 3 -> new Conditions(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null, null, null,
          List.of(category), null, List.of(i % 2 == 0 ? "gold" : "silver"), null, null);
      default -> new Conditions(null, null, null, null, null,
          List.of(String.format("sku-%03d", 1 + i % 30), String.format("sku-%03d", 1 + (i * 7) % 30)), null, null,
          null, null, null);
    };
    return new Campaign("generated-" + i, null, i % 10, i % 7 == 0 ? Stacking.EXCLUSIVE : Stacking.STACKABLE, when,
        effect);
  }
}
