package dev.kassa.model.loyalty.program;

/**
 * One-off points: {@code welcome} on enrolment; {@code birthday} once a year within
 * {@code birthdayWindowDays} of the birthday; on a newcomer's first purchase, {@code referrer} to the
 * card that referred them and {@code newcomer} to the newcomer. Zero or absent means none.
 */
public record Bonuses(Long welcome, Long birthday, Integer birthdayWindowDays, Long referrer, Long newcomer) {

  public static final Bonuses NONE = new Bonuses(null, null, null, null, null);

  public long welcomePoints() {
    return welcome == null ? 0 : welcome;
  }

  public long birthdayPoints() {
    return birthday == null ? 0 : birthday;
  }

  public int birthdayWindow() {
    return birthdayWindowDays == null ? 0 : birthdayWindowDays;
  }

  public long referrerPoints() {
    return referrer == null ? 0 : referrer;
  }

  public long newcomerPoints() {
    return newcomer == null ? 0 : newcomer;
  }
}
