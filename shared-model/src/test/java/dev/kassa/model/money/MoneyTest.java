package dev.kassa.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  private static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, "RUB");
  }

  @Test
  void addsAndSubtractsInMinorUnits() {
    assertThat(rub(150).plus(rub(275))).isEqualTo(rub(425));
    assertThat(rub(150).minus(rub(275))).isEqualTo(rub(-125));
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> rub(1).plus(Money.ofMinor(1, "EUR")))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("currency mismatch: RUB != EUR");
  }

  @Test
  void overflowIsAnErrorNotAWrapAround() {
    assertThatThrownBy(() -> rub(Long.MAX_VALUE).plus(rub(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> rub(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest(name = "{0} kop x {1} bp {2} = {3}")
  @CsvSource(textBlock = """
      # amount, basis points, rounding, expected
        1005,   1000,  HALF_UP,    101
        1005,   1000,  HALF_EVEN,  100
        1005,   1000,  DOWN,       100
        1005,   1000,  UP,         101
       -1005,   1000,  HALF_UP,   -101
       -1005,   1000,  FLOOR,     -101
       -1005,   1000,  CEILING,   -100
        9999,    500,  HALF_UP,    500
           1,   5000,  HALF_UP,      1
           1,   4999,  HALF_UP,      0
      """)
  void appliesAPercentageWithTheRoundingItIsGiven(long amount, long bp, RoundingMode mode, long expected) {
    assertThat(rub(amount).percent(bp, mode)).isEqualTo(rub(expected));
  }

  @Test
  void roundingUnnecessaryRefusesAnInexactRate() {
    assertThatThrownBy(() -> rub(1005).percent(1000, RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
    assertThat(rub(1000).percent(1000, RoundingMode.UNNECESSARY)).isEqualTo(rub(100));
  }

  @Test
  void rateArithmeticIsExactBeyondSixtyFourBitProducts() {
    long big = Long.MAX_VALUE / 3;
    assertThat(Rates.mulDiv(big, 6, 4, RoundingMode.DOWN)).isEqualTo(big / 2 * 3 + (big % 2 == 1 ? 1 : 0));
    assertThatThrownBy(() -> Rates.mulDiv(Long.MAX_VALUE, 2, 1, RoundingMode.DOWN))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void printsPlainDecimalWithCurrency() {
    assertThat(rub(12345)).hasToString("123.45 RUB");
    assertThat(Money.ofMinor(-5, "JPY")).hasToString("-5 JPY");
  }
}
