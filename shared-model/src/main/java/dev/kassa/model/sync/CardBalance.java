package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A card's balance as the server knows it right now: {@code balance} from the ledger,
 * {@code held} by open reservations, {@code available} = balance - held (never below zero).
 */
public record CardBalance(String cardNumber, long balance, long held, long available, Instant asOf) {
  public CardBalance {
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(asOf, "asOf == null");
  }
}
