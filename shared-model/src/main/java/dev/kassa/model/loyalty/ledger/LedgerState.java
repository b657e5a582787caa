package dev.kassa.model.loyalty.ledger;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.PointsLot;
import java.util.List;

/**
 * A card's points as derived from its entries at a moment: {@code balance} (the sum of the entries
 * and of {@code dueExpiries}), the {@code lots} still holding points, oldest first, and the
 * {@code deficit} when more was spent than there was (an offline overspend the server reconciles).
 * {@code dueExpiries} are the EXPIRE entries that the moment makes due and the ledger does not hold
 * yet; their ids are derived from the expiring lot, so writing them twice is harmless.
 */
public record LedgerState(long balance, List<PointsLot> lots, long deficit, List<LedgerEntry> dueExpiries) {
  public LedgerState {
    lots = List.copyOf(lots);
    dueExpiries = List.copyOf(dueExpiries);
  }
}
