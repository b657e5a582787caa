package dev.kassa.model.loyalty.engine;

import dev.kassa.model.loyalty.card.CardState;
import java.time.LocalDate;

/** The card facts one evaluation needs, worked out once per evaluation (the birthday only if asked). */
final class Customer {
  final CardState card;
  final int tierIndex;
  final boolean firstPurchase;
  private final long epochDay;
  private int birthdayDistance = -1;

  Customer(CardState card, int tierIndex, long epochDay) {
    this.card = card;
    this.tierIndex = tierIndex;
    this.firstPurchase = !card.hasPurchased();
    this.epochDay = epochDay;
  }

  /** Days between the sale's local date and the nearest birthday; max when unknown. */
  int birthdayDistance() {
    if (birthdayDistance < 0) {
      birthdayDistance = card.birthday() == null ? Integer.MAX_VALUE : distance(card.birthday(), epochDay);
    }
    return birthdayDistance;
  }

  private static int distance(LocalDate birthday, long epochDay) {
    int year = LocalDate.ofEpochDay(epochDay).getYear();
    long best = Long.MAX_VALUE;
    for (int y = year - 1; y <= year + 1; y++) {
      // withYear turns 29 February into 28 February in a common year
      best = Math.min(best, Math.abs(birthday.withYear(y).toEpochDay() - epochDay));
    }
    return (int) Math.min(best, Integer.MAX_VALUE);
  }
}
