package dev.kassa.model.loyalty.ledger;

import static dev.kassa.model.ledger.EntryType.BONUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.ledger.BonusPlanner.DueBonus;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BonusPlannerTest {
  private static final LoyaltyProgram PROGRAM = DemoProgram.load();

  @Test
  void welcomesOnce() {
    DueBonus welcome = BonusPlanner.welcome(PROGRAM, List.of());
    assertThat(welcome).isEqualTo(new DueBonus(100, "welcome"));

    LedgerEntry given = withReason(Entries.credit(1, BONUS, 100, 0, 365), "welcome");
    assertThat(BonusPlanner.welcome(PROGRAM, List.of(given))).isNull();
  }

  /** The demo window is 7 days either side, in Moscow time. */
  @ParameterizedTest(name = "born {0}, now {1}: {2}")
  @CsvSource(textBlock = """
      1990-06-12, 2026-06-10T12:00:00Z, birthday:2026
      1990-06-12, 2026-06-19T12:00:00Z, birthday:2026
      1990-06-12, 2026-06-20T12:00:00Z,
      1990-01-02, 2025-12-30T12:00:00Z, birthday:2026
      1990-12-30, 2026-01-03T12:00:00Z, birthday:2025
      1992-02-29, 2026-02-28T12:00:00Z, birthday:2026
      """)
  void givesTheBirthdayBonusAroundTheBirthday(LocalDate born, Instant now, String reason) {
    DueBonus due = BonusPlanner.birthday(PROGRAM, born, List.of(), now);

    assertThat(due == null ? null : due.reason()).isEqualTo(reason);
  }

  @Test
  void givesTheBirthdayBonusOnceAYear() {
    LedgerEntry given = withReason(Entries.credit(1, BONUS, 200, 0, 365), "birthday:2026");

    assertThat(BonusPlanner.birthday(PROGRAM, LocalDate.of(1990, 6, 12), List.of(given),
        Instant.parse("2026-06-12T12:00:00Z"))).isNull();
  }

  @Test
  void rewardsTheReferrerPerNewcomerAndTheNewcomerOnce() {
    assertThat(BonusPlanner.referrer(PROGRAM, "2000000000039", List.of()))
        .isEqualTo(new DueBonus(300, "referral:2000000000039"));
    assertThat(BonusPlanner.newcomer(PROGRAM, List.of())).isEqualTo(new DueBonus(150, "newcomer"));
  }

  private static LedgerEntry withReason(LedgerEntry e, String reason) {
    return new LedgerEntry(e.id(), e.cardNumber(), e.type(), e.points(), e.at(), e.hlc(), e.storeId(), e.terminalId(),
        e.saleId(), e.reverses(), e.expiresAt(), reason);
  }
}
