package dev.kassa.pos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.ledger.CardPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineRedemptionRuleTest {

  @ParameterizedTest(name = "allowance {0}, confirmed {1}, earned {2}, spent {3} -> {4}")
  @CsvSource(textBlock = """
      # allowance, confirmed, earned offline, spent offline, limit
      500,  1000,   0,   0,  500
      500,   300,   0,   0,  300
      500,  1000,   0, 200,  300
      500,   300,   0, 200,  100
      500,   300,   0, 300,    0
      500,   300,   0, 450,    0
      500,     0, 800,   0,    0
      500,   100, 800,   0,  100
      0,    1000,   0,   0,    0
      500,  -200,   0,   0,    0
      """)
  void redeemsNoMoreThanTheAllowanceNorTheConfirmedBalanceLessOwnUnconfirmedSpending(long allowance, long confirmed,
      long earned, long spent, long limit) {
    assertThat(OfflineRedemptionRule.limit(allowance, new CardPosition("7000000000017", true, confirmed, earned, spent, 0, null, null)))
        .isEqualTo(limit);
  }

  @Test
  void aCardTheTillNeverHeardOfRedeemsNothingOffline() {
    assertThat(OfflineRedemptionRule.limit(500, new CardPosition("7000000000017", false, 0, 0, 0, 0, null, null))).isZero();
  }
}
