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
public final class ProgramValidator {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int MAX_BIRTHDAY_WINDOW = 31;

  private final List<ProgramViolation> violations = new ArrayList<>();
  private int fractionDigits = 2;

  private ProgramValidator() {}

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
    for (int i = 0; i < p.campaigns().size(); i++) {
      campaign("campaigns[" + i + "]", p.campaigns().get(i), tierIds, ruleIds);
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < p.coupons().size(); i++) {
      coupon("coupons[" + i + "]", p.coupons().get(i), tierIds, ruleIds, codes);
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

  private void campaign(String path, Campaign campaign, Set<String> tierIds, Set<String> ruleIds) {
    if (campaign == null) {
      fail(path, "is empty");
      return;
    }
    id(path + ".id", campaign.id(), ruleIds, "campaign or coupon");
    if (campaign.stacking() == null) {
      fail(path + ".stacking", "is required: EXCLUSIVE or STACKABLE");
    }
    conditions(path + ".when", campaign.when(), tierIds);
    effect(path + ".effect", campaign.effect());
  }

  private void coupon(String path, CouponDefinition coupon, Set<String> tierIds, Set<String> ruleIds, Set<String> codes) {
    if (coupon == null) {
      fail(path, "is empty");
      return;
    }
    id(path + ".id", coupon.id(), ruleIds, "campaign or coupon");
    if (coupon.kind() == null) {
      fail(path + ".kind", "is required: SINGLE_USE or PROMO");
    } else if (coupon.kind() == CouponKind.PROMO) {
      if (blank(coupon.code())) {
        fail(path + ".code", "is required for a PROMO coupon");
      } else if (!codes.add(coupon.code().toUpperCase(java.util.Locale.ROOT))) {
        fail(path + ".code", "another coupon has the code '" + coupon.code() + "'");
      }
    } else if (coupon.code() != null) {
      fail(path + ".code", "must be left out: SINGLE_USE codes are issued one by one");
    }
    if (coupon.maxUses() != null && coupon.maxUses() < 1) {
      fail(path + ".maxUses", "must be 1 or more");
    }
    if (coupon.maxUsesPerCard() != null && coupon.maxUsesPerCard() < 1) {
      fail(path + ".maxUsesPerCard", "must be 1 or more");
    }
    if (coupon.stacking() == null) {
      fail(path + ".stacking", "is required: EXCLUSIVE or STACKABLE");
    }
    conditions(path + ".when", coupon.when(), tierIds);
    effect(path + ".effect", coupon.effect());
  }

  private void conditions(String path, Conditions when, Set<String> tierIds) {
    if (when.from() != null && when.to() != null && when.from().isAfter(when.to())) {
      fail(path + ".to", "is before from (" + when.from() + ")");
    }
    if ((when.timeFrom() == null) != (when.timeTo() == null)) {
      fail(path + (when.timeFrom() == null ? ".timeFrom" : ".timeTo"), "timeFrom and timeTo go together");
    } else if (when.timeFrom() != null && when.timeFrom().equals(when.timeTo())) {
      fail(path + ".timeTo", "equals timeFrom: leave both out for all day");
    }
    if (hasNull(when.days())) {
      fail(path + ".days", "has an empty day");
    }
    names(path + ".products", when.products());
    names(path + ".categories", when.categories());
    if (when.minCheck() != null) {
      money(path + ".minCheck", when.minCheck(), true);
    }
    for (int i = 0; i < when.tiers().size(); i++) {
      String tier = when.tiers().get(i);
      if (tier == null || !tierIds.contains(tier)) {
        fail(path + ".tiers[" + i + "]", "no tier has the id '" + tier + "'");
      }
    }
    Integer window = when.birthdayWindowDays();
    if (window != null && (window < 0 || window > MAX_BIRTHDAY_WINDOW)) {
      fail(path + ".birthdayWindowDays", "must be 0.." + MAX_BIRTHDAY_WINDOW);
    }
  }

  private void effect(String path, Effect effect) {
    if (effect == null) {
      fail(path, "is required");
      return;
    }
    if (effect.type() == null) {
      fail(path + ".type", "is required: POINTS_MULTIPLIER, BONUS_POINTS, PERCENT_DISCOUNT or FIXED_DISCOUNT");
      return;
    }
    EffectType type = effect.type();
    only(path + ".multiplier", effect.multiplier(), type == EffectType.POINTS_MULTIPLIER, type);
    only(path + ".points", effect.points(), type == EffectType.BONUS_POINTS, type);
    only(path + ".percent", effect.percent(), type == EffectType.PERCENT_DISCOUNT, type);
    only(path + ".amount", effect.amount(), type == EffectType.FIXED_DISCOUNT, type);
    switch (type) {
      case POINTS_MULTIPLIER -> {
        BigDecimal m = effect.multiplier();
        if (m != null && (m.compareTo(BigDecimal.ONE) <= 0 || m.compareTo(HUNDRED) > 0 || m.scale() > 2)) {
          fail(path + ".multiplier", "must be more than 1 and at most 100, at most 2 decimals");
        }
      }
      case BONUS_POINTS -> {
        if (effect.points() != null && effect.points() < 1) {
          fail(path + ".points", "must be 1 or more");
        }
      }
      case PERCENT_DISCOUNT -> {
        if (effect.percent() != null) {
          percent(path + ".percent", effect.percent());
        }
      }
      case FIXED_DISCOUNT -> {
        if (effect.amount() != null && money(path + ".amount", effect.amount(), false) && effect.amount().signum() == 0) {
          fail(path + ".amount", "must be more than 0");
        }
      }
    }
  }

  private void only(String path, Object value, boolean used, EffectType type) {
    if (used && value == null) {
      fail(path, "is required for " + type);
    } else if (!used && value != null) {
      fail(path, "is not used by " + type + ": remove it");
    }
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

  private void rate(String path, Rate rate) {
    boolean perAmount = rate.points() != null || rate.per() != null;
    if (perAmount == (rate.percent() != null)) {
      fail(path, "give either points and per (e.g. 1 point per 100.00) or percent");
      return;
    }
    if (perAmount) {
      if (rate.points() == null || rate.points() < 1) {
        fail(path + ".points", "must be 1 or more");
      }
      if (rate.per() == null) {
        fail(path + ".per", "is required: the amount that earns the points, e.g. 100.00");
      } else if (money(path + ".per", rate.per(), false) && rate.per().signum() == 0) {
        fail(path + ".per", "must be more than 0");
      }
    } else {
      percent(path + ".percent", rate.percent());
    }
  }

  private void exclusions(String path, Exclusions exclusions) {
    if (hasNull(exclusions.flags())) {
      fail(path + ".flags", "has an empty flag");
    }
    names(path + ".categories", exclusions.categories());
    names(path + ".products", exclusions.products());
  }

  private void names(String path, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (blank(names.get(i))) {
        fail(path + "[" + i + "]", "is blank");
      }
    }
  }

  private void id(String path, String id, Set<String> seen, String what) {
    if (blank(id)) {
      fail(path, "is required");
    } else if (!seen.add(id)) {
      fail(path, "another " + what + " has the id '" + id + "'");
    }
  }

  private void percent(String path, BigDecimal percent) {
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
      fail(path, "must be 0.01..100, at most 2 decimals");
    }
  }

  /** A money amount in the program's currency; true when well-formed (so callers may check more). */
  private boolean money(String path, BigDecimal amount, boolean zeroAllowed) {
    if (amount.signum() < 0) {
      fail(path, zeroAllowed ? "must be 0 or more" : "must be more than 0");
      return false;
    }
    if (amount.stripTrailingZeros().scale() > fractionDigits) {
      fail(path, "has more than " + fractionDigits + " decimals");
      return false;
    }
    try {
      amount.movePointRight(fractionDigits).longValueExact();
    } catch (ArithmeticException e) {
      fail(path, "is too large");
      return false;
    }
    return true;
  }

  private void nonNegative(String path, Long value) {
    if (value != null && value < 0) {
      fail(path, "must be 0 or more");
    }
  }

  private static boolean hasNull(List<?> list) {
    for (Object item : list) {
      if (item == null) {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private void fail(String path, String message) {
    violations.add(new ProgramViolation(path, message));
  }
}
