package dev.kassa.server.loyalty;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * An office correction of a card's points: {@code id} (made by the caller) makes a retry harmless,
 * {@code points} is signed and never zero, {@code reason} is required and goes to the audit log.
 */
public record AdjustmentRequest(UUID id, long points, String reason) {
  public AdjustmentRequest {
    requireNonNull(id, "id == null");
    requireNonNull(reason, "reason == null");
    if (points == 0) {
      throw new IllegalArgumentException("points == 0");
    }
  }
}
