package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;

/**
 * The base accrual for members without a tier rate, and what never earns points. Written flat in
 * the document: {@code {"points": 1, "per": 100.00, "exclusions": {...}}} or {@code {"percent": 5}}.
 */
public record Accrual(Long points, BigDecimal per, BigDecimal percent, Exclusions exclusions) {

  public Accrual {
    exclusions = exclusions == null ? Exclusions.NONE : exclusions;
  }

  public Rate rate() {
    return new Rate(points, per, percent);
  }
}
