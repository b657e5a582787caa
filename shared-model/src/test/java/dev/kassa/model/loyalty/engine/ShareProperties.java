package dev.kassa.model.loyalty.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.money.Rates;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ShareProperties {

  @Property(tries = 2000)
  void agreesWithTheGeneralMulDiv(@ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long value,
      @ForAll @LongRange(min = 0, max = 1_000_000) long numerator,
      @ForAll @LongRange(min = 10_000, max = 10_000_000) long denominator, @ForAll RoundingMode rounding) {
    if (rounding == RoundingMode.UNNECESSARY) {
      return;
    }
    assertThat(Share.of(value, numerator, denominator, rounding))
        .isEqualTo(Rates.mulDiv(value, numerator, denominator, rounding));
  }

  @Property(tries = 2000)
  void agreesOnSmallAmounts(@ForAll @LongRange(min = 0, max = 10_000_000) long value,
      @ForAll @LongRange(min = 0, max = 10_000) long numerator, @ForAll RoundingMode rounding) {
    if (rounding == RoundingMode.UNNECESSARY) {
      return;
    }
    assertThat(Share.of(value, numerator, 10_000, rounding)).isEqualTo(Rates.mulDiv(value, numerator, 10_000, rounding));
  }
}
