package dev.kassa.server.loyalty;

import dev.kassa.model.ledger.EntryType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tells when new entries cannot change a card's {@link OverdraftWalk}, so a merge need not reread
 * the card's whole history to find out. A card's <em>tail</em> {@code t} is a hybrid-clock value
 * such that the running balance after the last entry at or before {@code t} is not negative, and
 * neither is the running balance after any entry later than {@code t} ({@link Long#MIN_VALUE}: no
 * running balance was ever negative). No card has a tail while its balance is negative.
 *
 * <p>Entries that each add points (none negative, none a REDEEM) and all come later than the tail
 * leave every overdraft as it was: the balances after them only rise, none of them can open an
 * episode, and every older entry they come before had a balance of zero or more, so no episode is
 * open where they land and none can open later. The tail stays a tail of the grown set. Anything
 * else (a REDEEM, a negative entry, an entry at or before the tail) needs the whole walk again,
 * which gives the card its exact tail back ({@link #of}).
 */
public final class WalkTail {
  private WalkTail() {}

  /** The earliest tail of a card with these entries (any order), or null when its balance ends negative. */
  public static Long of(Collection<Movement> movements) {
    List<Movement> sorted = new ArrayList<>(movements);
    sorted.sort(Movement.HLC_ORDER);
    long balance = 0;
    int lastNegative = -1;
    for (int i = 0; i < sorted.size(); i++) {
      balance = Math.addExact(balance, sorted.get(i).points());
      if (balance < 0) {
        lastNegative = i;
      }
    }
    if (lastNegative < 0) {
      return Long.MIN_VALUE;
    }
    if (lastNegative == sorted.size() - 1) {
      return null;
    }
    // the entry after the last negative balance, and everything at its clock value, is at zero or above
    return sorted.get(lastNegative + 1).hlc();
  }

  /**
   * What a batch's new entries of one card carry to the card's sums row: the earliest clock value
   * among them when they all add points, else null (the card's walk has to be redone).
   */
  public static Long offered(Collection<Movement> added) {
    long earliest = Long.MAX_VALUE;
    for (Movement m : added) {
      if (m.points() < 0 || m.type() == EntryType.REDEEM) {
        return null;
      }
      earliest = Math.min(earliest, m.hlc());
    }
    return added.isEmpty() ? null : earliest;
  }

  /**
   * The card's tail after entries that {@link #offered} {@code offered} were added: unchanged when
   * they provably leave the walk alone, else null. A card without entries before takes the offered
   * value itself (every running balance of a card that only gained points is at zero or above).
   * {@code LedgerStore} does the same in SQL, in the statement that adds the entries' points.
   */
  public static Long afterAdding(Long tail, boolean hadEntries, Long offered) {
    if (!hadEntries) {
      return offered;
    }
    return tail != null && offered != null && offered > tail ? tail : null;
  }
}
