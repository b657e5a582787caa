package dev.kassa.model.demo;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A demo loyalty member: card number (Luhn-valid, {@link dev.kassa.model.code.LoyaltyCardFormat#standard()}),
 * holder, phone in E.164, birthday, and the points balance the demo opens with (loaded as one
 * opening ledger entry, since balances are always derived from entries).
 */
public record DemoCard(String number, String holderName, String phone, LocalDate birthday, long openingPoints) {
  public DemoCard {
    requireNonNull(number, "number == null");
    requireNonNull(holderName, "holderName == null");
    requireNonNull(phone, "phone == null");
    requireNonNull(birthday, "birthday == null");
    if (openingPoints < 0) {
      throw new IllegalArgumentException("openingPoints < 0: " + openingPoints);
    }
  }
}
