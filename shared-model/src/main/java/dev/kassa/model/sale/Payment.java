package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;

/**
 * A part of a sale's total paid one way. For cash, {@code tendered} is what the customer handed
 * over and the change is {@code tendered - amount}; for other methods {@code tendered} equals
 * {@code amount}. {@code reference} is the card slip's RRN, the certificate code, or the points
 * reservation id; null when there is none.
 */
public record Payment(PaymentMethod method, Money amount, Money tendered, String reference) {

  public Payment {
    requireNonNull(method, "method == null");
    requireNonNull(amount, "amount == null");
    requireNonNull(tendered, "tendered == null");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("payment amount <= 0: " + amount);
    }
    if (method == PaymentMethod.CASH ? tendered.compareTo(amount) < 0 : !tendered.equals(amount)) {
      throw new IllegalArgumentException(method + " tendered " + tendered + " for amount " + amount);
    }
  }

  public static Payment cash(Money amount, Money tendered) {
    return new Payment(PaymentMethod.CASH, amount, tendered, null);
  }

  public static Payment of(PaymentMethod method, Money amount, String reference) {
    return new Payment(method, amount, amount, reference);
  }

  public Money change() {
    return tendered.minus(amount);
  }
}
