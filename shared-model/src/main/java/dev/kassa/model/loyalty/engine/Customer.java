package dev.kassa.model.loyalty.engine;

import dev.kassa.model.loyalty.card.CardState;

/** The card facts one evaluation needs, worked out once per evaluation. */
final class Customer {
  final CardState card;
  final int tierIndex;
  final boolean firstPurchase;
  /** Days between the sale's local date and the nearest birthday; max when unknown. */
  final int birthdayDistance;

  Customer(CardState card, int tierIndex, long epochDay) {
    this.card = card;
    this.tierIndex = tierIndex;
    this.firstPurchase = !card.hasPurchased();
    this.birthdayDistance = card.birthday() == null ? Integer.MAX_VALUE : distance(card, epochDay);
  }

  private static int distance(CardState card, long epochDay) {
    int year = java.time.LocalDate.ofEpochDay(epochDay).getYear();
    long best = Long.MAX_VALUE;
    for (int y = year - 1; y <= year + 1; y++) {
      // withYear turns 29 February into 28 February in a common year
      long day = card.birthday().withYear(y).toEpochDay();
      best = Math.min(best, Math.abs(day - epochDay));
    }
    return (int) Math.min(best, Integer.MAX_VALUE);
  }
}
