package dev.kassa.model.loyalty.engine;

import static dev.kassa.model.loyalty.engine.DemoFixtures.ENGINE;
import static dev.kassa.model.loyalty.engine.DemoFixtures.basket;
import static dev.kassa.model.loyalty.engine.DemoFixtures.card;
import static dev.kassa.model.loyalty.engine.DemoFixtures.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked examples of the demo program (Europe/Moscow, UTC+3). 2026-06-10 is a Wednesday; 06:00Z is
 * 09:00 in the store (weekday morning double points), 11:00Z is 14:00. 2026-06-13 is a Saturday.
 */
class LoyaltyEngineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                   | card     | at                   | basket                  | coupons        | redeem | discount | points | redeemed | to pay
      dairy 15% off without a card             | none     | 2026-06-10T11:00:00Z | milk*2                  |                | 0      | 2697     | 0      | 0        | 15283
      no card, no points                       | none     | 2026-06-10T11:00:00Z | bread                   |                | 0      | 0        | 0      | 0        | 4500
      bronze 3%, coffee bonus 50               | bronze   | 2026-06-10T11:00:00Z | bread coffee            |                | 0      | 0        | 66     | 0        | 54400
      weighed apples, bronze 3%                | bronze   | 2026-06-10T11:00:00Z | apples@734              |                | 0      | 0        | 3      | 0        | 9535
      morning double points                    | bronze   | 2026-06-10T06:00:00Z | bread                   |                | 0      | 0        | 3      | 0        | 4500
      gold 3% off, 7%, weekend x1.5, no wine pts| gold    | 2026-06-13T09:00:00Z | wine bread              |                | 0      | 2532     | 5      | 0        | 81868
      silver redeems up to half, not tobacco   | silver   | 2026-06-10T11:00:00Z | coffee cigarettes       |                | 1000   | 0        | 63     | 249      | 45000
      redeemed part earns nothing              | silver   | 2026-06-10T11:00:00Z | bread                   |                | 10     | 0        | 2      | 10       | 3500
      below minimum balance, no redemption     | poor     | 2026-06-10T11:00:00Z | coffee                  |                | 50     | 0        | 65     | 0        | 49900
      birthday 10% is exclusive                | birthday | 2026-06-10T11:00:00Z | milk*2 coffee           |                | 0      | 6788     | 18     | 0        | 61092
      first purchase bonus 100                 | new      | 2026-06-10T11:00:00Z | bread                   |                | 0      | 0        | 101    | 0        | 4500
      big basket 150 off from 3000             | none     | 2026-06-10T11:00:00Z | coffee*6 bread          |                | 0      | 15000    | 0      | 0        | 288900
      coupon 500 then big basket 150           | none     | 2026-06-10T11:00:00Z | coffee*6 bread          | coupon-500     | 0      | 65000    | 0      | 0        | 238900
      coupon below its minimum check           | none     | 2026-06-10T11:00:00Z | coffee bread            | coupon-500     | 0      | 0        | 0      | 0        | 54400
      promo SPRING excludes dairy week         | none     | 2026-04-15T11:00:00Z | milk*2                  | promo-spring   | 0      | 1798     | 0      | 0        | 16182
      NO_DISCOUNT line takes no discount       | gold     | 2026-06-10T11:00:00Z | caviar                  |                | 0      | 0        | 245    | 0        | 350000
      """)
  void evaluatesTheDemoProgram(String name, String card, String at, String basket, String coupons, long redeem,
      long discount, long points, long redeemed, long toPay) {
    Basket b = basket(basket).redeeming(redeem)
        .withCoupons(coupons == null ? List.of() : Arrays.asList(coupons.split(" ")));

    Evaluation result = ENGINE.evaluate(card(card), b, Instant.parse(at));

    assertThat(result.discount()).as("discount").isEqualTo(rub(discount));
    assertThat(result.pointsEarned()).as("points").isEqualTo(points);
    assertThat(result.pointsRedeemed()).as("redeemed").isEqualTo(redeemed);
    assertThat(result.toPay()).as("to pay").isEqualTo(rub(toPay));
  }

  @Test
  void sharesACheckDiscountByLargestRemainder() {
    Evaluation result = ENGINE.evaluate(null, basket("coffee*6 bread"), Instant.parse("2026-06-10T11:00:00Z"));

    // 150.00 over 2994.00 and 45.00: exact shares 147.7788 and 2.2211; the spare kopeck goes to coffee
    assertThat(result.line(1).discount()).isEqualTo(rub(14778));
    assertThat(result.line(2).discount()).isEqualTo(rub(222));
  }

  @Test
  void sharesPointsAmongLinesSoThatTheyAddUp() {
    Evaluation result = ENGINE.evaluate(card("bronze"), basket("bread coffee"), Instant.parse("2026-06-10T11:00:00Z"));

    // 3% of 45.00 = 1.35 and of 499.00 = 14.97: 16 points, the spare one to coffee, plus coffee's 50 bonus
    assertThat(result.line(1).points()).isEqualTo(1);
    assertThat(result.line(2).points()).isEqualTo(65);
  }

  @Test
  void explainsEveryEffect() {
    Evaluation result = ENGINE.evaluate(card("gold"), basket("milk bread"), Instant.parse("2026-06-13T09:00:00Z"));

    assertThat(result.explanations()).extracting(Explanation::ruleId, Explanation::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dairy-week", Explanation.CAMPAIGN_DISCOUNT),
            org.assertj.core.groups.Tuple.tuple("gold-weekend", Explanation.CAMPAIGN_POINTS),
            org.assertj.core.groups.Tuple.tuple("gold", Explanation.TIER_DISCOUNT),
            org.assertj.core.groups.Tuple.tuple("gold", Explanation.ACCRUAL));
    Explanation dairy = result.explanations().get(0);
    assertThat(dairy.discount()).isEqualTo(rub(1349));
    assertThat(dairy.lineNos()).containsExactly(1);
    assertThat(dairy.name()).containsEntry("ru", "Молочная неделя: скидка 15%");
    long explainedPoints = result.explanations().stream().mapToLong(Explanation::points).sum();
    assertThat(explainedPoints).isEqualTo(result.pointsEarned());
    assertThat(result.tierId()).isEqualTo("gold");
  }

  @Test
  void explainsRedemption() {
    Evaluation result = ENGINE.evaluate(card("silver"), basket("bread").redeeming(10), Instant.parse("2026-06-10T11:00:00Z"));

    Explanation last = result.explanations().get(result.explanations().size() - 1);
    assertThat(last.key()).isEqualTo(Explanation.REDEMPTION);
    assertThat(last.discount()).isEqualTo(rub(1000));
    assertThat(last.points()).isEqualTo(-10);
    assertThat(result.redeemedValue()).isEqualTo(rub(1000));
    assertThat(result.maxRedeemablePoints()).isEqualTo(22);
  }

  @Test
  void aProductCampaignTargetsItsSkusOnly() {
    // 100001 is Zorka milk 2.5% 930 ml in the demo catalog: 3% of 89.90 = 2.697 points, tripled 8.091
    Basket basket = Basket.of(DemoFixtures.RUB, List.of(
        BasketLine.of(1, "100001", "dairy", dev.kassa.model.sale.Quantity.pieces(1), rub(8990)),
        BasketLine.of(2, "bread", "bakery", dev.kassa.model.sale.Quantity.pieces(1), rub(4500))));

    Evaluation result = ENGINE.evaluate(card("bronze"), basket, Instant.parse("2025-06-10T11:00:00Z"));

    assertThat(result.explanations()).filteredOn(e -> e.ruleId().equals("milk-triple-points"))
        .singleElement().satisfies(e -> assertThat(e.lineNos()).containsExactly(1));
    assertThat(result.pointsEarned()).isEqualTo(8 + 1);
  }

  @Test
  void reportsACouponWhoseConditionsDoNotHold() {
    Evaluation result = ENGINE.evaluate(null, basket("bread").withCoupons(List.of("coupon-500")),
        Instant.parse("2026-06-10T11:00:00Z"));

    assertThat(result.couponsNotApplied()).containsExactly("coupon-500");
    assertThat(result.discount()).isEqualTo(rub(0));
  }

  @Test
  void refusesACouponTheProgramDoesNotHave() {
    assertThatThrownBy(() -> ENGINE.evaluate(null, basket("bread").withCoupons(List.of("nope")), Instant.now()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no coupon 'nope' in program version 1");
  }

  @Test
  void happyHoursFollowTheStoreTimeZone() {
    // 08:00 in Moscow is 05:00Z: inside; 11:00 in Moscow is 08:00Z: outside (timeTo is exclusive).
    // 3% of 2495.00 = 74.85 points, doubled 149.7; plus the coffee bonus
    assertThat(ENGINE.evaluate(card("bronze"), basket("coffee*5"), Instant.parse("2026-06-10T05:00:00Z")).pointsEarned())
        .isEqualTo(150 + 50);
    assertThat(ENGINE.evaluate(card("bronze"), basket("coffee*5"), Instant.parse("2026-06-10T08:00:00Z")).pointsEarned())
        .isEqualTo(75 + 50);
  }

  @Test
  void threadsSharingOneEngineGetTheSameResults() throws Exception {
    Basket big = basket("coffee*6 bread milk*2 kefir apples@734 wine cigarettes caviar").redeeming(500);
    Basket small = basket("bread coffee");
    Instant at = Instant.parse("2026-06-13T09:00:00Z");
    Evaluation bigAlone = ENGINE.evaluate(card("gold"), big, at);
    Evaluation smallAlone = ENGINE.evaluate(card("bronze"), small, at);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
      for (int task = 0; task < 8; task++) {
        checks.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            if (!ENGINE.evaluate(card("gold"), big, at).equals(bigAlone)
                || !ENGINE.evaluate(card("bronze"), small, at).equals(smallAlone)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEmptyBasketGivesNothing() {
    Evaluation result = ENGINE.evaluate(card("gold"), basket(""), Instant.parse("2026-06-10T11:00:00Z"));

    assertThat(result.lines()).isEmpty();
    assertThat(result.pointsEarned()).isZero();
    assertThat(result.maxRedeemablePoints()).isZero();
  }
}
