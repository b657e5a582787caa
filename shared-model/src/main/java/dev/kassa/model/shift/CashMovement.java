package dev.kassa.model.shift;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** Cash put into ({@code amount > 0}) or taken out of ({@code amount < 0}) the drawer, not a sale. */
public record CashMovement(
    UUID id, UUID shiftId, String storeId, String terminalId, String cashierId, Money amount,
    String reason, Instant at) implements EventPayload {

  public CashMovement {
    requireNonNull(id, "id == null");
    requireNonNull(shiftId, "shiftId == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(cashierId, "cashierId == null");
    requireNonNull(amount, "amount == null");
    requireNonNull(reason, "reason == null");
    requireNonNull(at, "at == null");
    if (amount.isZero()) {
      throw new IllegalArgumentException("cash movement of zero");
    }
  }
}
