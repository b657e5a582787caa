package dev.kassa.model.loyalty.card;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * Points credited together (by one EARN, BONUS, positive ADJUST or REVERSE entry) and not yet spent
 * or expired: {@code remaining} of the {@code credited}, expiring at {@code expiresAt} (null: never).
 * Spending takes the oldest lots first.
 */
public record PointsLot(UUID sourceEntryId, Instant creditedAt, long credited, long remaining, Instant expiresAt) {
  public PointsLot {
    requireNonNull(sourceEntryId, "sourceEntryId == null");
    requireNonNull(creditedAt, "creditedAt == null");
    if (remaining < 0 || remaining > credited) {
      throw new IllegalArgumentException("remaining outside 0.." + credited + ": " + remaining);
    }
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
