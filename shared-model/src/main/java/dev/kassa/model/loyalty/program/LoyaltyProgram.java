package dev.kassa.model.loyalty.program;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * One version of a retailer's loyalty program. Terminal and server evaluate a sale with the version
 * named in it, so a version, once published, never changes; the office publishes a new one.
 *
 * <p>Money amounts are written as decimals in the program's currency ({@code 500.00}), percentages
 * as decimals with at most two places ({@code 2.5}); both are exact ({@link java.math.BigDecimal}),
 * never floating point. {@code schema} is the document format, {@link #SCHEMA}.
 */
public record LoyaltyProgram(
    int schema,
    int version,
    String name,
    String currency,
    String timeZone,
    RoundingMode rounding,
    Accrual accrual,
    Exclusions discountExclusions,
    List<Tier> tiers,
    List<Campaign> campaigns,
    Redemption redemption,
    Expiry expiry,
    Bonuses bonuses,
    List<CouponDefinition> coupons,
    GiftCertificatePolicy giftCertificates) {

  public static final int SCHEMA = 1;

  public LoyaltyProgram {
    tiers = Lists.copy(tiers);
    campaigns = Lists.copy(campaigns);
    coupons = Lists.copy(coupons);
  }

  /** The configured rounding, half-up to the minor unit when the document says nothing. */
  public RoundingMode roundingOrDefault() {
    return rounding == null ? RoundingMode.HALF_UP : rounding;
  }

  /** Display names are maps of language tag to text, e.g. {@code {"ru": "Золото", "en": "Gold"}}. */
  static Map<String, String> names(Map<String, String> names) {
    return names == null ? Map.of() : Map.copyOf(names);
  }
}
