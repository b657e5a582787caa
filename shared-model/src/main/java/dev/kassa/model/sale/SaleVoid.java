package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * Cancels a completed sale of the current shift as if it had not happened (its money and points
 * with it), authorised by a manager. After the shift is closed only a {@link SaleReturn} can undo
 * a sale.
 */
public record SaleVoid(
    UUID id,
    UUID saleId,
    String storeId,
    String terminalId,
    UUID shiftId,
    String cashierId,
    String approvedBy,
    Instant createdAt,
    String reason) implements EventPayload {

  public SaleVoid {
    requireNonNull(id, "id == null");
    requireNonNull(saleId, "saleId == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(shiftId, "shiftId == null");
    requireNonNull(cashierId, "cashierId == null");
    requireNonNull(approvedBy, "approvedBy == null");
    requireNonNull(createdAt, "createdAt == null");
    requireNonNull(reason, "reason == null");
  }
}
