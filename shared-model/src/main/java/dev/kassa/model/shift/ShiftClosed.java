package dev.kassa.model.shift;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** The Z report: the shift is closed, its counters final. */
public record ShiftClosed(
    UUID shiftId, String storeId, String terminalId, String closedBy, long zNumber, Instant closedAt,
    ShiftTotals totals) implements EventPayload {

  public ShiftClosed {
    requireNonNull(shiftId, "shiftId == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(closedBy, "closedBy == null");
    requireNonNull(closedAt, "closedAt == null");
    requireNonNull(totals, "totals == null");
    if (zNumber <= 0) {
      throw new IllegalArgumentException("zNumber <= 0: " + zNumber);
    }
  }
}
