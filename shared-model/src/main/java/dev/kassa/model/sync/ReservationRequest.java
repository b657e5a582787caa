package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * An online terminal holds {@code points} of a card for the sale it is completing. The server
 * holds them only if the card's balance minus its other open holds covers them, so two online
 * terminals can never spend the same points. {@code id} is made by the terminal and is the
 * idempotency key of the hold.
 */
public record ReservationRequest(UUID id, String cardNumber, long points, UUID saleId) {
  public ReservationRequest {
    requireNonNull(id, "id == null");
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(saleId, "saleId == null");
    if (points <= 0) {
      throw new IllegalArgumentException("points <= 0: " + points);
    }
  }
}
