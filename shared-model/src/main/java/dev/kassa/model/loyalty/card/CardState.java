package dev.kassa.model.loyalty.card;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the engine needs to know about a card at the moment of a sale, derived from its ledger
 * entries and sales (never stored as truth): the points {@code balance} and its {@code lots},
 * the {@code tierId} its rolling 12-month {@code spend} reaches (null without tiers), when it first
 * bought (null: the coming sale is its first purchase) and the member's {@code birthday} (may be null).
 */
public record CardState(
    String cardNumber,
    long balance,
    List<PointsLot> lots,
    String tierId,
    Money spend,
    Instant firstPurchaseAt,
    LocalDate birthday) {

  public CardState {
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(spend, "spend == null");
    lots = List.copyOf(requireNonNull(lots, "lots == null"));
  }

  /** A card with no history: a new member's, or one the terminal knows nothing about yet. */
  public static CardState fresh(String cardNumber, Money zeroSpend, LocalDate birthday) {
    return new CardState(cardNumber, 0, List.of(), null, zeroSpend, null, birthday);
  }

  /** The balance available to spend: never below zero, even after an offline overspend. */
  public long spendable() {
    return Math.max(0, balance);
  }

  public boolean hasPurchased() {
    return firstPurchaseAt != null;
  }
}
