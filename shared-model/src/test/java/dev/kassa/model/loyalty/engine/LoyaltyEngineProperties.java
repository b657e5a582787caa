package dev.kassa.model.loyalty.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.ProgramJson;
import dev.kassa.model.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LoyaltyEngineProperties {

  @Property(tries = 300)
  void theResultDoesNotDependOnLineOrder(@ForAll("programs") LoyaltyProgram program, @ForAll("baskets") Basket basket,
      @ForAll("cards") CardState card, @ForAll("moments") Instant at, @ForAll long seed) {
    LoyaltyEngine engine = LoyaltyEngine.of(program);
    List<BasketLine> shuffled = new ArrayList<>(basket.lines());
    Collections.shuffle(shuffled, new Random(seed));

    Evaluation original = engine.evaluate(card, basket, at);
    Evaluation reordered = engine.evaluate(card, new Basket(basket.currency(), shuffled, basket.couponIds(),
        basket.pointsToRedeem()), at);

    List<LineOutcome> byLineNo = new ArrayList<>(reordered.lines());
    byLineNo.sort((a, b) -> Integer.compare(a.lineNo(), b.lineNo()));
    assertThat(byLineNo).isEqualTo(original.lines());
    assertThat(reordered.discount()).isEqualTo(original.discount());
    assertThat(reordered.pointsEarned()).isEqualTo(original.pointsEarned());
    assertThat(reordered.pointsRedeemed()).isEqualTo(original.pointsRedeemed());
    assertThat(reordered.explanations()).isEqualTo(original.explanations());
  }

  @Property(tries = 300)
  void lineFiguresAddUpAndStayWithinTheirLine(@ForAll("programs") LoyaltyProgram program,
      @ForAll("baskets") Basket basket, @ForAll("cards") CardState card, @ForAll("moments") Instant at) {
    Evaluation result = LoyaltyEngine.of(program).evaluate(card, basket, at);

    Money zero = Money.zero(basket.currency());
    Money discount = zero;
    Money redeemed = zero;
    long points = 0;
    for (int i = 0; i < basket.lines().size(); i++) {
      BasketLine line = basket.lines().get(i);
      LineOutcome outcome = result.lines().get(i);
      assertThat(outcome.discount().isNegative()).isFalse();
      assertThat(outcome.discount()).isLessThanOrEqualTo(line.amount());
      assertThat(outcome.redeemed()).isBetween(zero, outcome.net());
      assertThat(outcome.points()).isNotNegative();
      if (line.flags().contains(ProductFlag.NO_DISCOUNT)) {
        assertThat(outcome.discount()).isEqualTo(zero);
      }
      if (line.flags().contains(ProductFlag.NO_ACCRUAL)) {
        assertThat(outcome.points()).isZero();
      }
      if (line.flags().contains(ProductFlag.NO_REDEMPTION)) {
        assertThat(outcome.redeemed()).isEqualTo(zero);
      }
      discount = discount.plus(outcome.discount());
      redeemed = redeemed.plus(outcome.redeemed());
      points += outcome.points();
    }
    assertThat(result.discount()).isEqualTo(discount);
    assertThat(result.discount()).isLessThanOrEqualTo(result.subtotal());
    assertThat(result.redeemedValue()).isEqualTo(redeemed);
    assertThat(result.pointsEarned()).isEqualTo(points).isNotNegative();
    assertThat(result.total().plus(result.discount())).isEqualTo(result.subtotal());
    assertThat(result.toPay().isNegative()).isFalse();
  }

  @Property(tries = 300)
  void redemptionNeverExceedsTheCapOrTheBalance(@ForAll("programs") LoyaltyProgram program,
      @ForAll("baskets") Basket basket, @ForAll("cards") CardState card, @ForAll("moments") Instant at) {
    Evaluation result = LoyaltyEngine.of(program).evaluate(card, basket, at);

    long balance = card == null ? 0 : card.spendable();
    assertThat(result.pointsRedeemed()).isBetween(0L, Math.min(basket.pointsToRedeem(), result.maxRedeemablePoints()));
    assertThat(result.maxRedeemablePoints()).isBetween(0L, balance);
    // the demo cap: half of what points may pay for, after discounts; tobacco, alcohol and NO_REDEMPTION excluded
    long eligible = 0;
    for (LineOutcome line : result.lines()) {
      BasketLine basketLine = basket.line(line.lineNo());
      if (LoyaltyEngine.of(program).program().redeemable(basketLine.sku(), basketLine.categoryId(), basketLine.flags())) {
        eligible += line.net().minor();
      }
    }
    assertThat(result.redeemedValue().minor() * 2).isLessThanOrEqualTo(eligible);
    if (card != null && card.balance() < 100) {
      assertThat(result.maxRedeemablePoints()).isZero();
    }
  }

  @Property(tries = 200)
  void theProgramSurvivesAJsonRoundTrip(@ForAll("programs") LoyaltyProgram program) {
    assertThat(ProgramJson.read(ProgramJson.write(program))).isEqualTo(program);
  }

  @Provide
  Arbitrary<LoyaltyProgram> programs() {
    return LoyaltyArbitraries.programs();
  }

  @Provide
  Arbitrary<Basket> baskets() {
    return LoyaltyArbitraries.baskets();
  }

  @Provide
  Arbitrary<CardState> cards() {
    return LoyaltyArbitraries.cards();
  }

  @Provide
  Arbitrary<Instant> moments() {
    return LoyaltyArbitraries.moments();
  }
}
