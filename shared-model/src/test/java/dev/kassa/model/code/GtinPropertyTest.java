package dev.kassa.model.code;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class GtinPropertyTest {

  @Property
  void aCompletedCodeValidates(@ForAll("bodies") Body body) {
    Gtin gtin = Gtin.complete(body.digits(), body.format()).orElseThrow();

    assertThat(Gtin.parse(gtin.digits())).isEqualTo(CodeResult.ok(gtin));
  }

  @Property
  void everySingleDigitChangeIsCaught(
      @ForAll("bodies") Body body, @ForAll @IntRange(max = 12) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
    String code = Gtin.complete(body.digits(), body.format()).orElseThrow().digits();
    Assume.that(position < code.length());
    char changed = (char) ('0' + (code.charAt(position) - '0' + delta) % 10);
    String typo = code.substring(0, position) + changed + code.substring(position + 1);

    assertThat(Gtin.parse(typo).reasonOrNull()).isEqualTo(InvalidReason.BAD_CHECK_DIGIT);
  }

  /** The mod-10 weights 3 and 1 cannot see a swap of digits five apart; every other swap is caught. */
  @Property
  void adjacentSwapsAreCaughtUnlessTheDigitsDifferByFive(
      @ForAll("bodies") Body body, @ForAll @IntRange(max = 11) int position) {
    String code = Gtin.complete(body.digits(), body.format()).orElseThrow().digits();
    Assume.that(position + 1 < code.length());
    char a = code.charAt(position);
    char b = code.charAt(position + 1);
    Assume.that(a != b);
    String swapped = code.substring(0, position) + b + a + code.substring(position + 2);

    boolean caught = !Gtin.parse(swapped).isOk();
    assertThat(caught).isEqualTo(Math.abs(a - b) != 5);
  }

  record Body(GtinFormat format, String digits) {}

  @Provide
  Arbitrary<Body> bodies() {
    return Arbitraries.of(GtinFormat.class).flatMap(format -> Combinators.combine(
            Arbitraries.just(format),
            Arbitraries.strings().numeric().ofLength(format.length() - 1))
        .as(Body::new));
  }
}
