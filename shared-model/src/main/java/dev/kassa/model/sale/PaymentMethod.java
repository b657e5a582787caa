package dev.kassa.model.sale;

public enum PaymentMethod {
  CASH,
  CARD,
  /** Loyalty points redeemed at the program's rate; the amount is their money value. */
  POINTS,
  /** Stored value on a gift certificate; {@code reference} is the certificate code. */
  GIFT_CERTIFICATE
}
