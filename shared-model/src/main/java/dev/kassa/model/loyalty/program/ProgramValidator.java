package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a program document and reports every problem at once, each with its JSON path, in words an
 * office user understands: {@code campaigns[2].effect.percent: must be 0.01..100, at most 2 decimals}.
 * A program with no violations compiles and evaluates without errors.
 */
public final class ProgramValidator extends Checks {

  private ProgramValidator() {
    super(new ArrayList<>());
  }

  public static List<ProgramViolation> validate(LoyaltyProgram program) {
    ProgramValidator validator = new ProgramValidator();
    validator.program(program);
    return List.copyOf(validator.violations);
  }

  private void program(LoyaltyProgram p) {
    if (p == null) {
      fail("$", "the document is empty");
      return;
    }
    if (p.schema() != LoyaltyProgram.SCHEMA) {
      fail("schema", "must be " + LoyaltyProgram.SCHEMA + " (this version reads schema " + LoyaltyProgram.SCHEMA + ")");
    }
    if (p.version() < 1) {
      fail("version", "must be 1 or more");
    }
    if (blank(p.name())) {
      fail("name", "is required");
    }
    currency(p.currency());
    if (blank(p.timeZone())) {
      fail("timeZone", "is required, e.g. Europe/Moscow");
    } else {
      try {
        ZoneId.of(p.timeZone());
      } catch (DateTimeException e) {
        fail("timeZone", "unknown time zone '" + p.timeZone() + "'");
      }
    }
    if (p.rounding() == RoundingMode.UNNECESSARY) {
      fail("rounding", "must be a rounding mode such as HALF_UP, DOWN or HALF_EVEN");
    }
    if (p.accrual() == null) {
      fail("accrual", "is required");
    } else {
      rate("accrual", p.accrual().rate());
      exclusions("accrual.exclusions", p.accrual().exclusions());
    }
    if (p.discountExclusions() != null) {
      exclusions("discountExclusions", p.discountExclusions());
    }
    Set<String> tierIds = tiers(p.tiers());
    Set<String> ruleIds = new HashSet<>();
    RuleValidator rules = new RuleValidator(violations, fractionDigits);
    for (int i = 0; i < p.campaigns().size(); i++) {
      rules.campaign("campaigns[" + i + "]", p.campaigns().get(i), tierIds, ruleIds);
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < p.coupons().size(); i++) {
      rules.coupon("coupons[" + i + "]", p.coupons().get(i), tierIds, ruleIds, codes);
    }
    redemption(p.redemption());
    if (p.expiry() != null && (p.expiry().afterDays() == null || p.expiry().afterDays() < 1)) {
      fail("expiry.afterDays", "must be 1 or more (leave out expiry for points that never expire)");
    }
    bonuses(p.bonuses());
    giftCertificates(p.giftCertificates());
  }

  private void currency(String code) {
    if (blank(code)) {
      fail("currency", "is required, e.g. RUB");
      return;
    }
    try {
      fractionDigits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      fail("currency", "unknown ISO 4217 currency '" + code + "'");
    }
  }

  private Set<String> tiers(List<Tier> tiers) {
    Set<String> ids = new HashSet<>();
    Set<BigDecimal> thresholds = new HashSet<>();
    for (int i = 0; i < tiers.size(); i++) {
      String path = "tiers[" + i + "]";
      Tier tier = tiers.get(i);
      if (tier == null) {
        fail(path, "is empty");
        continue;
      }
      id(path + ".id", tier.id(), ids, "tier");
      if (tier.minSpend() == null) {
        fail(path + ".minSpend", "is required (0 for the entry tier)");
      } else if (money(path + ".minSpend", tier.minSpend(), true)
          && !thresholds.add(tier.minSpend().stripTrailingZeros())) {
        fail(path + ".minSpend", "another tier has the same threshold " + tier.minSpend().toPlainString());
      }
      if (tier.accrual() != null) {
        rate(path + ".accrual", tier.accrual());
      }
      if (tier.discountPercent() != null) {
        percent(path + ".discountPercent", tier.discountPercent());
      }
      if (tier.accrual() == null && tier.discountPercent() == null) {
        fail(path, "gives nothing: set accrual and/or discountPercent");
      }
    }
    return ids;
  }

  private void redemption(Redemption r) {
    if (r == null) {
      return;
    }
    if (r.pointValue() == null) {
      fail("redemption.pointValue", "is required: the money one point pays, e.g. 1.00");
    } else if (money("redemption.pointValue", r.pointValue(), false) && r.pointValue().signum() == 0) {
      fail("redemption.pointValue", "must be more than 0");
    }
    if (r.capPercent() == null) {
      fail("redemption.capPercent", "is required: the share of a check points may pay, 1..100");
    } else {
      percent("redemption.capPercent", r.capPercent());
    }
    if (r.minBalance() != null && r.minBalance() < 0) {
      fail("redemption.minBalance", "must be 0 or more");
    }
    if (r.offlineAllowance() != null && r.offlineAllowance() < 0) {
      fail("redemption.offlineAllowance", "must be 0 or more");
    }
    exclusions("redemption.exclusions", r.exclusions());
  }

  private void bonuses(Bonuses b) {
    if (b == null) {
      return;
    }
    nonNegative("bonuses.welcome", b.welcome());
    nonNegative("bonuses.birthday", b.birthday());
    nonNegative("bonuses.referrer", b.referrer());
    nonNegative("bonuses.newcomer", b.newcomer());
    if (b.birthdayWindowDays() != null && (b.birthdayWindowDays() < 0 || b.birthdayWindowDays() > MAX_BIRTHDAY_WINDOW)) {
      fail("bonuses.birthdayWindowDays", "must be 0.." + MAX_BIRTHDAY_WINDOW);
    }
  }

  private void giftCertificates(GiftCertificatePolicy g) {
    if (g == null) {
      return;
    }
    if (g.validityDays() != null && g.validityDays() < 1) {
      fail("giftCertificates.validityDays", "must be 1 or more");
    }
    for (int i = 0; i < g.denominations().size(); i++) {
      String path = "giftCertificates.denominations[" + i + "]";
      BigDecimal d = g.denominations().get(i);
      if (d == null) {
        fail(path, "is empty");
      } else if (money(path, d, false) && d.signum() == 0) {
        fail(path, "must be more than 0");
      }
    }
  }

}
