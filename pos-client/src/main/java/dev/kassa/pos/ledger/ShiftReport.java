package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.shift.ShiftTotals;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An X report (interim, {@code zNumber} 0, {@code closedAt} null) or a Z report (the shift
 * closed with that number). Counters belong to one shift, so a Z resets them for the next;
 * {@code vat} has one line per VAT rate taken in the shift.
 */
public record ShiftReport(
    UUID shiftId, String openedBy, Instant openedAt, Money openingFloat, long zNumber, Instant closedAt,
    ShiftTotals totals, List<VatTotal> vat) {

  public ShiftReport {
    requireNonNull(shiftId, "shiftId == null");
    requireNonNull(openedBy, "openedBy == null");
    requireNonNull(openedAt, "openedAt == null");
    requireNonNull(openingFloat, "openingFloat == null");
    requireNonNull(totals, "totals == null");
    vat = List.copyOf(requireNonNull(vat, "vat == null"));
  }

  public boolean isZ() {
    return zNumber > 0;
  }
}
