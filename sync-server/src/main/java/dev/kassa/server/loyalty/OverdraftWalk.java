package dev.kassa.server.loyalty;

import dev.kassa.model.ledger.EntryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the overdrafts of one card by walking its entries in hybrid-clock order. The result is a
 * function of the set of entries alone, so retries, duplicates and arrival order cannot change the
 * conflicts the office sees.
 *
 * <p>An overdraft episode opens when a REDEEM takes the running balance below zero and closes when
 * the balance is back at zero or above (netted by later accruals, or adjusted by the office). Its
 * involved redemptions are those since the balance last peaked before the episode (the spending
 * that together overspent, typically from several offline terminals) plus those made while the
 * balance stayed negative. Negative balances caused by anything but a redemption (a return
 * reversing spent points, an office adjustment) are not redemption conflicts.
 */
public final class OverdraftWalk {
  private OverdraftWalk() {}

  /** {@code movements} in any order; they are sorted here. */
  public static List<Overdraft> overdrafts(String cardNumber, List<Movement> movements) {
    List<Movement> sorted = new ArrayList<>(movements);
    sorted.sort(Movement.HLC_ORDER);
    List<Overdraft> found = new ArrayList<>();
    long balance = 0;
    long peak = 0;
    List<Movement> sincePeak = new ArrayList<>();
    Movement trigger = null;
    List<Movement> involved = null;
    long lowest = 0;
    for (Movement m : sorted) {
      balance = Math.addExact(balance, m.points());
      if (trigger != null) {
        if (m.type() == EntryType.REDEEM) {
          involved.add(m);
        }
        lowest = Math.min(lowest, balance);
        if (balance >= 0) {
          found.add(new Overdraft(cardNumber, trigger, involved, -lowest));
          trigger = null;
          peak = balance;
          sincePeak.clear();
        }
        continue;
      }
      if (balance >= peak) {
        peak = balance;
        sincePeak.clear();
        continue;
      }
      if (m.type() == EntryType.REDEEM) {
        sincePeak.add(m);
        if (balance < 0) {
          trigger = m;
          involved = new ArrayList<>(sincePeak);
          lowest = balance;
        }
      }
    }
    if (trigger != null) {
      found.add(new Overdraft(cardNumber, trigger, involved, -lowest));
    }
    return found;
  }
}
