package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;

/**
 * How fast points accrue: either {@code points} per {@code per} of money ({@code 1} point per
 * {@code 100.00}), or {@code percent} of the eligible amount given back as points worth that much
 * at the redemption point value. Exactly one of the two forms.
 */
public record Rate(Long points, BigDecimal per, BigDecimal percent) {

  public static Rate perAmount(long points, BigDecimal per) {
    return new Rate(points, per, null);
  }

  public static Rate percentOf(BigDecimal percent) {
    return new Rate(null, null, percent);
  }
}
