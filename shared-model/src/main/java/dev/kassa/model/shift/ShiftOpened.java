package dev.kassa.model.shift;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** A cashier opened a shift on a terminal with {@code openingFloat} in the drawer. */
public record ShiftOpened(
    UUID shiftId, String storeId, String terminalId, String cashierId, Money openingFloat, Instant openedAt)
    implements EventPayload {

  public ShiftOpened {
    requireNonNull(shiftId, "shiftId == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(cashierId, "cashierId == null");
    requireNonNull(openingFloat, "openingFloat == null");
    requireNonNull(openedAt, "openedAt == null");
    if (openingFloat.isNegative()) {
      throw new IllegalArgumentException("openingFloat < 0: " + openingFloat);
    }
  }
}
