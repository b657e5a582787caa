package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one terminal knows of a card's points: the balance the server last confirmed
 * ({@code known} is false when the card never came down the cards feed), plus the points this
 * terminal earned and spent on it that the confirmation does not include yet. The offline
 * redemption rule needs the spending apart from the earning: points earned offline are not yet
 * safe to spend elsewhere.
 *
 * <p>For the tier and the card's conditions it also holds what the server's points recompute will
 * read: {@code spend12m}, the card's rolling 12-month spend in minor units (the server's figure plus
 * this till's sales it did not count yet), {@code firstPurchaseAt} (null: the coming sale is the
 * card's first as far as anyone here knows) and the member's {@code birthday} (null: unknown).
 */
public record CardPosition(String cardNumber, boolean known, long confirmedBalance, long unconfirmedEarned,
    long unconfirmedSpent, long spend12m, Instant firstPurchaseAt, LocalDate birthday) {

  public CardPosition {
    requireNonNull(cardNumber, "cardNumber == null");
    if (unconfirmedSpent < 0) {
      throw new IllegalArgumentException("unconfirmedSpent < 0: " + unconfirmedSpent);
    }
    if (spend12m < 0) {
      throw new IllegalArgumentException("spend12m < 0: " + spend12m);
    }
  }

  /** The balance as this terminal sees it: confirmed plus its own unconfirmed entries. */
  public long balance() {
    return Math.subtractExact(Math.addExact(confirmedBalance, unconfirmedEarned), unconfirmedSpent);
  }
}
