package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * A manager allowed a cashier something the cashier may not do alone (a price change, removing a
 * scanned line, a return without a receipt). Recorded with both names; {@code saleId} may be null.
 */
public record ManagerOverride(String action, String cashierId, String approvedBy, UUID saleId, String reason) {
  public ManagerOverride {
    requireNonNull(action, "action == null");
    requireNonNull(cashierId, "cashierId == null");
    requireNonNull(approvedBy, "approvedBy == null");
    requireNonNull(reason, "reason == null");
  }
}
