package dev.kassa.server.loyalty;

import dev.kassa.model.ledger.EntryType;
import java.util.ArrayList;
import java.util.List;

/**
 * The overdrafts of one member under {@link OverdraftPolicy#WRITE_OFF}: its entries walked in
 * hybrid-clock order as if each redemption that overspent had been written off the moment it was
 * made. Each such redemption is the trigger of its own overdraft; its deficit is the part of it
 * that went below zero, and the running balance goes on from where the write-off left it. So one
 * early overspend does not make every later redemption a conflict, as it would if the deficit were
 * carried (the {@link OverdraftWalk} of NET).
 *
 * <p>Like {@link OverdraftWalk}, the result is a function of the set of entries alone, so what the
 * policy writes off converges whatever order the entries arrive in. The walk leaves out the
 * policy's own entries ({@link OverdraftPolicy#madeByPolicy}): they follow from it. A balance made
 * negative by something other than a redemption (a return taking back spent points) is not written
 * off: only what redemptions overspent is.
 */
public final class WriteOffWalk {
  /**
   * The overdrafts, the points they write off in all, and the card's {@link WalkTail} for this walk
   * (every written-off redemption counts as a negative balance, so no later entry can change it).
   */
  public record Result(List<Overdraft> overdrafts, long writtenOff, Long tail) {}

  private WriteOffWalk() {}

  /** {@code movements} in any order; they are sorted here, and the policy's own entries are left out. */
  public static Result walk(String cardNumber, List<Movement> movements) {
    List<Movement> sorted = new ArrayList<>(movements.size());
    for (Movement m : movements) {
      if (!OverdraftPolicy.madeByPolicy(m)) {
        sorted.add(m);
      }
    }
    sorted.sort(Movement.HLC_ORDER);
    List<Overdraft> found = new ArrayList<>();
    long balance = 0;
    long peak = 0;
    long writtenOff = 0;
    int lastNegative = -1;
    List<Movement> sincePeak = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Movement m = sorted.get(i);
      balance = Math.addExact(balance, m.points());
      if (balance < 0) {
        lastNegative = i;
      }
      if (balance >= peak) {
        peak = balance;
        sincePeak.clear();
        continue;
      }
      if (m.type() != EntryType.REDEEM) {
        continue;
      }
      sincePeak.add(m);
      if (balance < 0) {
        // only the part of this redemption below zero: a balance already negative stays as it was
        long deficit = Math.min(-balance, -m.points());
        found.add(new Overdraft(cardNumber, m, sincePeak, deficit));
        writtenOff = Math.addExact(writtenOff, deficit);
        balance += deficit;
        peak = balance;
        sincePeak.clear();
      }
    }
    Long tail;
    if (lastNegative < 0) {
      tail = Long.MIN_VALUE;
    } else if (lastNegative == sorted.size() - 1) {
      tail = null;
    } else {
      tail = sorted.get(lastNegative + 1).hlc();
    }
    return new Result(found, writtenOff, tail);
  }
}
