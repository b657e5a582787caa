package dev.kassa.model.loyalty.returns;

import static dev.kassa.model.loyalty.engine.DemoFixtures.ENGINE;
import static dev.kassa.model.loyalty.engine.DemoFixtures.basket;
import static dev.kassa.model.loyalty.engine.DemoFixtures.card;
import static dev.kassa.model.loyalty.engine.DemoFixtures.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.returns.ReturnRejectedException.Reason;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnCalculatorTest {
  private static final Instant AT = Instant.parse("2026-06-10T11:00:00Z");
  private static final ReturnCalculator CALCULATOR = new ReturnCalculator(ENGINE.program());

  /** Silver card pays 249 points (the 50% cap) for coffee, cigarettes for money; earns 63 points. */
  private static Sale coffeeAndCigarettesWithPoints() {
    CardState card = card("silver");
    Basket basket = basket("coffee cigarettes").redeeming(1000);
    Evaluation result = ENGINE.evaluate(card, basket, AT);
    assertThat(result.pointsRedeemed()).isEqualTo(249);
    assertThat(result.pointsEarned()).isEqualTo(63);
    return SaleFixtures.sale(basket, result, card, AT);
  }

  @Test
  void aFullReturnReversesEverything() {
    Sale sale = coffeeAndCigarettesWithPoints();

    ReturnOutcome outcome = CALCULATOR.calculate(sale, List.of(), Map.of(1, Quantity.pieces(1), 2, Quantity.pieces(1)));

    assertThat(outcome.total()).isEqualTo(rub(69900));
    assertThat(outcome.pointsReversed()).isEqualTo(63);
    assertThat(outcome.pointsRestored()).isEqualTo(249);
    assertThat(outcome.restoredValue()).isEqualTo(rub(24900));
    assertThat(outcome.moneyRefund()).isEqualTo(rub(45000));
  }

  @Test
  void returningWhatPointsCouldNotPayForGivesNoPointsBack() {
    Sale sale = coffeeAndCigarettesWithPoints();

    ReturnOutcome outcome = CALCULATOR.calculate(sale, List.of(), Map.of(2, Quantity.pieces(1)));

    assertThat(outcome.total()).isEqualTo(rub(20000));
    assertThat(outcome.pointsRestored()).isZero();
    assertThat(outcome.pointsReversed()).isZero();
    assertThat(outcome.moneyRefund()).isEqualTo(rub(20000));
  }

  @Test
  void partialReturnsAddUpToTheSaleExactly() {
    CardState card = card("silver");
    Basket basket = basket("kefir*3 bread").redeeming(1000);
    Evaluation result = ENGINE.evaluate(card, basket, AT);
    Sale sale = SaleFixtures.sale(basket, result, card, AT);

    ReturnOutcome first = CALCULATOR.calculate(sale, List.of(), Map.of(1, Quantity.pieces(1)));
    var firstReturn = SaleFixtures.saleReturn(sale, first);
    ReturnOutcome second = CALCULATOR.calculate(sale, List.of(firstReturn), Map.of(1, Quantity.pieces(2), 2,
        Quantity.pieces(1)));

    assertThat(first.total().plus(second.total())).isEqualTo(sale.total());
    assertThat(first.pointsReversed() + second.pointsReversed()).isEqualTo(result.pointsEarned());
    assertThat(first.pointsRestored() + second.pointsRestored()).isEqualTo(result.pointsRedeemed());
    assertThat(first.restoredValue().plus(second.restoredValue())).isEqualTo(result.redeemedValue());
    assertThat(first.lines()).extracting(ReturnLine::originalLineNo).containsExactly(1);
  }

  @Test
  void refusesToReturnMoreThanWasSold() {
    Sale sale = coffeeAndCigarettesWithPoints();
    var firstReturn = SaleFixtures.saleReturn(sale,
        CALCULATOR.calculate(sale, List.of(), Map.of(1, Quantity.pieces(1))));

    assertThatThrownBy(() -> CALCULATOR.calculate(sale, List.of(firstReturn), Map.of(1, Quantity.pieces(1))))
        .isInstanceOfSatisfying(ReturnRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MORE_THAN_SOLD));
  }

  @Test
  void refusesAnUnknownLineAWrongUnitAndAnEmptyReturn() {
    Sale sale = coffeeAndCigarettesWithPoints();

    assertThatThrownBy(() -> CALCULATOR.calculate(sale, List.of(), Map.of(3, Quantity.pieces(1))))
        .isInstanceOfSatisfying(ReturnRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_LINE));
    assertThatThrownBy(() -> CALCULATOR.calculate(sale, List.of(), Map.of(1, Quantity.grams(100))))
        .isInstanceOfSatisfying(ReturnRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_UNIT));
    assertThatThrownBy(() -> CALCULATOR.calculate(sale, List.of(), Map.of()))
        .isInstanceOfSatisfying(ReturnRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOTHING_RETURNED));
  }

  @Test
  void aWeighedLineReturnsInGrams() {
    CardState card = card("bronze");
    Basket basket = basket("apples@1500");
    Evaluation result = ENGINE.evaluate(card, basket, AT);
    Sale sale = SaleFixtures.sale(basket, result, card, AT);

    ReturnOutcome outcome = CALCULATOR.calculate(sale, List.of(), Map.of(1, Quantity.grams(500)));

    // 1.5 kg at 129.90 = 194.85; a third back is 64.95
    assertThat(outcome.total()).isEqualTo(rub(6495));
  }
}
