package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.ledger.LedgerEntry;
import java.util.List;
import java.util.UUID;

/**
 * Cancel sale {@code saleId} of the open shift, authorised by manager {@code approvedBy};
 * {@code entries} reverse every points entry of the sale (computed by the loyalty engine).
 */
public record VoidRequest(UUID saleId, String cashierId, String approvedBy, String reason, List<LedgerEntry> entries) {
  public VoidRequest {
    requireNonNull(saleId, "saleId == null");
    requireNonNull(cashierId, "cashierId == null");
    requireNonNull(approvedBy, "approvedBy == null");
    requireNonNull(reason, "reason == null");
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
