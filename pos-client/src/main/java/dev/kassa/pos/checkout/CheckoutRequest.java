package dev.kassa.pos.checkout;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sale.PaymentMethod;
import java.util.List;

/**
 * What the cashier asks for: the basket, the customer's card (null without one), the points the
 * customer wants to pay with (0: none; more than allowed: as many as allowed) and how the rest is
 * paid (cash is tendered exactly here; the cash screen adds change later).
 */
public record CheckoutRequest(String cashierId, List<CartLine> lines, String cardNumber, long pointsWanted,
    PaymentMethod restPaidBy) {

  public CheckoutRequest {
    requireNonNull(cashierId, "cashierId == null");
    lines = List.copyOf(requireNonNull(lines, "lines == null"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the basket is empty");
    }
    if (pointsWanted < 0) {
      throw new IllegalArgumentException("pointsWanted < 0: " + pointsWanted);
    }
    if (pointsWanted > 0 && cardNumber == null) {
      throw new IllegalArgumentException("points need a card");
    }
    requireNonNull(restPaidBy, "restPaidBy == null");
    if (restPaidBy == PaymentMethod.POINTS) {
      throw new IllegalArgumentException("the rest cannot be paid in points");
    }
  }
}
