package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;

/**
 * A rule's effect; which field is used depends on {@code type} (the validator rejects the others):
 * {@code multiplier}, {@code points}, {@code percent} or {@code amount}.
 */
public record Effect(EffectType type, BigDecimal multiplier, Long points, BigDecimal percent, BigDecimal amount) {

  public static Effect multiplier(BigDecimal multiplier) {
    return new Effect(EffectType.POINTS_MULTIPLIER, multiplier, null, null, null);
  }

  public static Effect bonusPoints(long points) {
    return new Effect(EffectType.BONUS_POINTS, null, points, null, null);
  }

  public static Effect percentOff(BigDecimal percent) {
    return new Effect(EffectType.PERCENT_DISCOUNT, null, null, percent, null);
  }

  public static Effect amountOff(BigDecimal amount) {
    return new Effect(EffectType.FIXED_DISCOUNT, null, null, null, amount);
  }
}
