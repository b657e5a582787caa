package dev.kassa.pos.ledger.store;

import dev.kassa.model.money.Money;
import java.time.Instant;
import java.util.UUID;

/** A shift as stored; {@code closedAt} and {@code zNo} are null/0 while it is open. */
public record ShiftRow(UUID id, String openedBy, Instant openedAt, Money openingFloat, String closedBy,
    Instant closedAt, long zNo) {

  public boolean isOpen() {
    return closedAt == null;
  }
}
