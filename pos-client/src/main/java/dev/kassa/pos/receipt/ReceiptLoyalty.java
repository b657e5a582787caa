package dev.kassa.pos.receipt;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.sale.SaleLoyalty;
import java.util.List;

/**
 * The loyalty block of a receipt: the card masked to its last four digits (a receipt is thrown
 * away in the shop's bin, the card number must not be), tier, points earned and redeemed with the
 * engine's short reasons, the new balance, and whether the server has not confirmed it yet.
 */
public record ReceiptLoyalty(
    String maskedCard, String tier, long earned, long redeemed, Money redeemedValue,
    List<String> explanations, long newBalance, boolean offline) {

  public ReceiptLoyalty {
    requireNonNull(maskedCard, "maskedCard == null");
    requireNonNull(redeemedValue, "redeemedValue == null");
    explanations = List.copyOf(requireNonNull(explanations, "explanations == null"));
    if (earned < 0 || redeemed < 0) {
      throw new IllegalArgumentException("points < 0: earned " + earned + ", redeemed " + redeemed);
    }
  }

  /** The block for a sale's loyalty part, the balance after it and the engine's explanations. */
  public static ReceiptLoyalty of(SaleLoyalty loyalty, long newBalance, List<String> explanations) {
    requireNonNull(loyalty, "loyalty == null");
    return new ReceiptLoyalty(mask(loyalty.cardNumber()), loyalty.tier(), loyalty.pointsEarned(),
        loyalty.pointsRedeemed(), loyalty.redeemedValue(), explanations, newBalance, loyalty.offline());
  }

  /** {@code **** 1234}: only the last four digits of a card number are ever printed. */
  public static String mask(String cardNumber) {
    requireNonNull(cardNumber, "cardNumber == null");
    String digits = cardNumber.strip();
    if (digits.length() <= 4) {
      return "****";
    }
    return "**** " + digits.substring(digits.length() - 4);
  }
}
