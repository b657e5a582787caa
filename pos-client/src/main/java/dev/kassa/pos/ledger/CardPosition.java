package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

/**
 * What one terminal knows of a card's points: the balance the server last confirmed
 * ({@code known} is false when the card never came down the cards feed), plus the points this
 * terminal earned and spent on it that the confirmation does not include yet. The offline
 * redemption rule needs the spending apart from the earning: points earned offline are not yet
 * safe to spend elsewhere.
 */
public record CardPosition(String cardNumber, boolean known, long confirmedBalance, long unconfirmedEarned,
    long unconfirmedSpent) {

  public CardPosition {
    requireNonNull(cardNumber, "cardNumber == null");
    if (unconfirmedSpent < 0) {
      throw new IllegalArgumentException("unconfirmedSpent < 0: " + unconfirmedSpent);
    }
  }

  /** The balance as this terminal sees it: confirmed plus its own unconfirmed entries. */
  public long balance() {
    return Math.subtractExact(Math.addExact(confirmedBalance, unconfirmedEarned), unconfirmedSpent);
  }
}
