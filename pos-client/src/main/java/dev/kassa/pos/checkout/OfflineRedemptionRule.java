package dev.kassa.pos.checkout;

import dev.kassa.pos.ledger.CardPosition;

/**
 * The bounded risk of redeeming points while the server cannot confirm them. A terminal offline
 * may let a card spend at most the program's per-card {@code allowance} in total until the server
 * has confirmed that spending, and never more than the card's last confirmed balance minus what
 * this terminal already spent unconfirmed. Points earned offline do not count: another till may
 * have spent the confirmed balance meanwhile, and the earning is not yet known anywhere else. Two
 * offline tills can still overspend a card together, by at most their allowances; the server
 * records that as a conflict when it merges their sales.
 */
public final class OfflineRedemptionRule {
  private OfflineRedemptionRule() {}

  /** The most points the terminal may redeem offline on the card now; never negative. */
  public static long limit(long allowance, CardPosition position) {
    if (allowance <= 0 || !position.known()) {
      return 0;
    }
    long underAllowance = allowance - position.unconfirmedSpent();
    long underBalance = position.confirmedBalance() - position.unconfirmedSpent();
    return Math.max(0, Math.min(underAllowance, underBalance));
  }
}
