package dev.kassa.server.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded overdraft of a card, as the office and the terminals see it. OPEN until an office
 * user resolves it (RESOLVED); RETRACTED when entries that arrived later show the card was never
 * overdrawn after all.
 */
public record Conflict(UUID id, String cardNumber, UUID triggerEntry, long deficit, List<Involved> involved,
    Status status, Instant detectedAt, Instant resolvedAt, String resolvedBy, String resolution) {

  public enum Status { OPEN, RESOLVED, RETRACTED }

  /** One redemption that took part in the overdraft. */
  public record Involved(UUID entryId, UUID saleId, String storeId, String terminalId, long points) {}

  public Conflict {
    requireNonNull(id, "id == null");
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(status, "status == null");
    involved = List.copyOf(involved);
  }
}
