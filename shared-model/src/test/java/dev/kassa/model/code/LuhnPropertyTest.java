package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class LuhnPropertyTest {

  private final LoyaltyCardFormat format = LoyaltyCardFormat.standard();

  @Property
  void aGeneratedCardValidates(@ForAll @LongRange(max = 99_999_999_999L) long serial) {
    String card = format.generate(serial).orElseThrow();

    assertThat(format.validate(card)).isEqualTo(CodeResult.ok(card));
  }

  @Property
  void everySingleDigitChangeIsCaught(
      @ForAll @LongRange(max = 99_999_999_999L) long serial,
      @ForAll @IntRange(min = 4, max = 15) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
    String card = format.generate(serial).orElseThrow();
    char changed = (char) ('0' + (card.charAt(position) - '0' + delta) % 10);
    String typo = card.substring(0, position) + changed + card.substring(position + 1);

    assertThat(format.validate(typo).reasonOrNull()).isEqualTo(InvalidReason.BAD_CHECK_DIGIT);
  }

  /** Luhn's one blind spot among adjacent swaps is 09 <-> 90. */
  @Property
  void adjacentSwapsAreCaughtExceptNineAndZero(
      @ForAll @LongRange(max = 99_999_999_999L) long serial, @ForAll @IntRange(min = 4, max = 14) int position) {
    String card = format.generate(serial).orElseThrow();
    char a = card.charAt(position);
    char b = card.charAt(position + 1);
    Assume.that(a != b);
    String swapped = card.substring(0, position) + b + a + card.substring(position + 2);

    boolean nineAndZero = Math.abs(a - b) == 9;
    assertThat(format.validate(swapped).isOk()).isEqualTo(nineAndZero);
  }
}
