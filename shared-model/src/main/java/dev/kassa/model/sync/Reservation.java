package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of a points hold. A HELD reservation becomes POSTED when the sale's REDEEM entry
 * arrives with it (or by an explicit post), VOIDED when the sale is abandoned, and EXPIRED when
 * {@code expiresAt} passes first.
 */
public record Reservation(UUID id, String cardNumber, long points, UUID saleId, Status status, Instant expiresAt) {

  public enum Status { HELD, POSTED, VOIDED, EXPIRED }

  public Reservation {
    requireNonNull(id, "id == null");
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(saleId, "saleId == null");
    requireNonNull(status, "status == null");
    requireNonNull(expiresAt, "expiresAt == null");
  }
}
