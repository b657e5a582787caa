package dev.kassa.model.loyalty.engine;

import dev.kassa.model.money.Money;
import java.util.List;

/**
 * The engine's answer for one basket: line outcomes in the basket's order; {@code subtotal} before
 * discounts, {@code discount}, {@code total} = subtotal - discount; the points the card may pay with
 * ({@code maxRedeemablePoints}) and those applied ({@code pointsRedeemed}, worth {@code redeemedValue}),
 * leaving {@code toPay} in money; the points earned; the tier; an explanation per rule; and the
 * presented coupons whose conditions did not hold ({@code couponsNotApplied}).
 */
public record Evaluation(
    int programVersion,
    String tierId,
    List<LineOutcome> lines,
    Money subtotal,
    Money discount,
    Money total,
    long maxRedeemablePoints,
    long pointsRedeemed,
    Money redeemedValue,
    Money toPay,
    long pointsEarned,
    List<Explanation> explanations,
    List<String> couponsNotApplied) {

  public LineOutcome line(int lineNo) {
    for (LineOutcome line : lines) {
      if (line.lineNo() == lineNo) {
        return line;
      }
    }
    throw new IllegalArgumentException("no line " + lineNo);
  }
}
