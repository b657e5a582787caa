package dev.kassa.model.loyalty.engine;

import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.program.Campaign;
import dev.kassa.model.loyalty.program.Conditions;
import dev.kassa.model.loyalty.program.Effect;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.Stacking;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for the engine's properties: programs with random campaigns, baskets, cards, moments. */
public final class LoyaltyArbitraries {
  private static final List<String> SKUS =
      List.of("milk", "kefir", "bread", "coffee", "wine", "cigarettes", "apples", "caviar");
  private static final List<String> CATEGORIES =
      List.of("dairy", "bakery", "tea-coffee", "alcohol", "tobacco", "fruit-veg", "fish");

  private LoyaltyArbitraries() {}

  public static Arbitrary<Basket> baskets() {
    Arbitrary<String> item = Combinators.combine(Arbitraries.of(SKUS), Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 3000)).as((sku, pieces, grams) ->
            sku.equals("apples") ? sku + "@" + grams : sku + "*" + pieces);
    return Combinators.combine(item.list().ofMinSize(1).ofMaxSize(25), Arbitraries.longs().between(0, 5000),
        Arbitraries.<List<String>>of(List.of(), List.of("coupon-500"), List.of("promo-spring"),
            List.of("coupon-500", "promo-spring")))
        .as((items, redeem, coupons) -> DemoFixtures.basket(String.join(" ", items)).redeeming(redeem)
            .withCoupons(coupons));
  }

  public static Arbitrary<CardState> cards() {
    return Arbitraries.of("none", "new", "bronze", "silver", "gold", "poor", "birthday").map(DemoFixtures::card)
        .injectNull(0.05);
  }

  /** Any minute of 2026. */
  public static Arbitrary<Instant> moments() {
    return Arbitraries.longs().between(0, 365L * 24 * 60)
        .map(minutes -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(minutes * 60));
  }

  /** The demo program with its campaigns replaced by 0..12 random ones. */
  public static Arbitrary<LoyaltyProgram> programs() {
    return campaigns().list().ofMaxSize(12).map(list -> {
      List<Campaign> numbered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Campaign c = list.get(i);
        numbered.add(new Campaign("c" + i, c.name(), c.priority(), c.stacking(), c.when(), c.effect()));
      }
      LoyaltyProgram p = DemoProgram.load();
      return new LoyaltyProgram(p.schema(), p.version(), p.name(), p.currency(), p.timeZone(), p.rounding(),
          p.accrual(), p.discountExclusions(), p.tiers(), numbered, p.redemption(), p.expiry(), p.bonuses(),
          p.coupons(), p.giftCertificates());
    });
  }

  static Arbitrary<Campaign> campaigns() {
    Arbitrary<Effect> effects = Arbitraries.oneOf(
        Arbitraries.integers().between(101, 500).map(m -> Effect.multiplier(BigDecimal.valueOf(m, 2))),
        Arbitraries.longs().between(1, 500).map(Effect::bonusPoints),
        Arbitraries.integers().between(1, 10_000).map(bp -> Effect.percentOff(BigDecimal.valueOf(bp, 2))),
        Arbitraries.longs().between(1, 500_000).map(minor -> Effect.amountOff(BigDecimal.valueOf(minor, 2))));
    Arbitrary<Conditions> conditions = Combinators.combine(
        Arbitraries.of(DayOfWeek.class).set().ofMaxSize(3),
        Arbitraries.subsetOf(CATEGORIES).ofMaxSize(2),
        Arbitraries.subsetOf(SKUS).ofMaxSize(2),
        Arbitraries.longs().between(0, 300_000).injectNull(0.6),
        Arbitraries.of("bronze", "silver", "gold").injectNull(0.7),
        Arbitraries.of(true, false).injectNull(0.8),
        Arbitraries.integers().between(0, 10).injectNull(0.8))
        .as((days, categories, skus, minCheck, tier, first, birthday) -> new Conditions(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), new ArrayList<>(days), null, null,
            new ArrayList<>(skus), new ArrayList<>(categories), minCheck == null ? null : BigDecimal.valueOf(minCheck, 2),
            tier == null ? List.of() : List.of(tier), first, birthday));
    return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(Stacking.class), conditions, effects)
        .as((priority, stacking, when, effect) -> new Campaign("c", null, priority, stacking, when, effect));
  }
}
