package dev.kassa.model.money;

import java.util.Currency;

/** Two amounts in different currencies were combined. Always a programming error, never input. */
public final class CurrencyMismatchException extends IllegalArgumentException {
  public CurrencyMismatchException(Currency left, Currency right) {
    super("currency mismatch: " + left + " != " + right);
  }
}
