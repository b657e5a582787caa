package dev.kassa.model.loyalty.coupon;

import static dev.kassa.model.loyalty.coupon.CouponCheck.Status.ACCEPTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.coupon.CouponCheck.Status;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CouponRulesTest {
  private static final CompiledProgram PROGRAM = CompiledProgram.compile(DemoProgram.load());
  private static final String CARD = "2000000000022";
  private static final Instant SPRING = Instant.parse("2026-04-15T11:00:00Z");

  /** SPRING: 2026-03-01..2026-05-31 in Moscow, 1000 uses, one per card. */
  @ParameterizedTest(name = "{0} by {1} at {2} after {3} uses ({4} by the card): {5}")
  @CsvSource(textBlock = """
      SPRING, 2000000000022, 2026-04-15T11:00:00Z,    0, 0, ACCEPTED
      spring, 2000000000022, 2026-04-15T11:00:00Z,    0, 0, ACCEPTED
      SPRING, 2000000000022, 2026-02-28T20:59:00Z,    0, 0, NOT_YET_VALID
      SPRING, 2000000000022, 2026-02-28T21:00:00Z,    0, 0, ACCEPTED
      SPRING, 2000000000022, 2026-05-31T21:00:00Z,    0, 0, EXPIRED
      SPRING, 2000000000022, 2026-04-15T11:00:00Z, 1000, 0, LIMIT_REACHED
      SPRING, 2000000000022, 2026-04-15T11:00:00Z,   10, 1, CARD_LIMIT_REACHED
      SPRING,              , 2026-04-15T11:00:00Z,    0, 0, CARD_REQUIRED
      WINTER, 2000000000022, 2026-04-15T11:00:00Z,    0, 0, UNKNOWN_CODE
      """)
  void checksAPromoCode(String code, String card, Instant now, long uses, long byCard, Status expected) {
    PromoUsage usage = new PromoUsage("promo-spring", uses, Map.of(CARD, byCard));

    CouponCheck check = CouponRules.check(PROGRAM, code, null, usage, card, now);

    assertThat(check.status()).isEqualTo(expected);
    if (expected == ACCEPTED) {
      assertThat(check.definitionId()).isEqualTo("promo-spring");
    }
  }

  @Test
  void aSingleUseCodeWorksOnceForItsCard() {
    IssuedCoupon issued = new IssuedCoupon("C-7Q2M", "coupon-500", CARD, SPRING, null, null);

    assertThat(CouponRules.check(PROGRAM, "C-7Q2M", issued, null, CARD, SPRING).status()).isEqualTo(ACCEPTED);
    assertThat(CouponRules.check(PROGRAM, "C-7Q2M", issued, null, "2000000000039", SPRING).status())
        .isEqualTo(Status.OTHER_CARD);

    IssuedCoupon used = CouponRules.consume(issued, UUID.randomUUID());
    assertThat(CouponRules.check(PROGRAM, "C-7Q2M", used, null, CARD, SPRING).status()).isEqualTo(Status.ALREADY_USED);
    assertThatThrownBy(() -> CouponRules.consume(used, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVoidedSaleGivesItsSingleUseCodeBack() {
    UUID sale = UUID.randomUUID();
    IssuedCoupon used = CouponRules.consume(new IssuedCoupon("C-1", "coupon-500", null, SPRING, null, null), sale);

    assertThat(CouponRules.release(used, UUID.randomUUID()).used()).isTrue();
    assertThat(CouponRules.release(used, sale).used()).isFalse();
  }

  @Test
  void anIssuedCodeExpires() {
    IssuedCoupon issued = new IssuedCoupon("C-2", "coupon-500", null, SPRING, SPRING.plusSeconds(60), null);

    assertThat(CouponRules.check(PROGRAM, "C-2", issued, null, null, SPRING.plusSeconds(60)).status())
        .isEqualTo(Status.EXPIRED);
  }

  @Test
  void countsPromoUsesInAllAndPerCard() {
    PromoUsage usage = CouponRules.consume(CouponRules.consume(PromoUsage.none("promo-spring"), CARD), null);

    assertThat(usage.total()).isEqualTo(2);
    assertThat(usage.byCard(CARD)).isEqualTo(1);
  }
}
