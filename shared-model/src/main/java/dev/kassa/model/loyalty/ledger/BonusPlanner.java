package dev.kassa.model.loyalty.ledger;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.program.Bonuses;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Which one-off bonuses a card is due, as BONUS entries' points and reasons; the caller writes the
 * entries. Each bonus has a fixed reason ({@code welcome}, {@code birthday:2026},
 * {@code referral:CARD}, {@code newcomer}) so that a bonus already in the ledger is never due again.
 */
public final class BonusPlanner {
  private BonusPlanner() {}

  /** A bonus to credit: {@code points} with {@code reason} as the BONUS entry's reason. */
  public record DueBonus(long points, String reason) {}

  public static DueBonus welcome(LoyaltyProgram program, List<LedgerEntry> entries) {
    return due(bonuses(program).welcomePoints(), "welcome", entries);
  }

  /**
   * The birthday bonus when {@code now}, in the store's zone, is within the window around this year's
   * birthday (or next or last year's, near New Year) and that year's bonus was not given yet.
   */
  public static DueBonus birthday(LoyaltyProgram program, LocalDate birthday, List<LedgerEntry> entries, Instant now) {
    Bonuses bonuses = bonuses(program);
    if (birthday == null || bonuses.birthdayPoints() == 0) {
      return null;
    }
    LocalDate today = now.atZone(ZoneId.of(program.timeZone())).toLocalDate();
    for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
      LocalDate day = birthday.withYear(year);
      if (Math.abs(day.toEpochDay() - today.toEpochDay()) <= bonuses.birthdayWindow()) {
        return due(bonuses.birthdayPoints(), "birthday:" + year, entries);
      }
    }
    return null;
  }

  /** The referrer's bonus for a newcomer's first purchase; checked against the referrer's entries. */
  public static DueBonus referrer(LoyaltyProgram program, String newcomerCard, List<LedgerEntry> referrerEntries) {
    return due(bonuses(program).referrerPoints(), "referral:" + newcomerCard, referrerEntries);
  }

  /** The newcomer's own bonus on their first purchase, when someone referred them. */
  public static DueBonus newcomer(LoyaltyProgram program, List<LedgerEntry> newcomerEntries) {
    return due(bonuses(program).newcomerPoints(), "newcomer", newcomerEntries);
  }

  private static DueBonus due(long points, String reason, List<LedgerEntry> entries) {
    if (points <= 0) {
      return null;
    }
    for (LedgerEntry entry : entries) {
      if (entry.type() == EntryType.BONUS && reason.equals(entry.reason())) {
        return null;
      }
    }
    return new DueBonus(points, reason);
  }

  private static Bonuses bonuses(LoyaltyProgram program) {
    return program.bonuses() == null ? Bonuses.NONE : program.bonuses();
  }
}
