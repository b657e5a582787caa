package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks campaigns and coupons: ids, stacking, conditions and effects. */
final class RuleValidator extends Checks {

  RuleValidator(List<ProgramViolation> violations, int fractionDigits) {
    super(violations);
    this.fractionDigits = fractionDigits;
  }

  void campaign(String path, Campaign campaign, Set<String> tierIds, Set<String> ruleIds) {
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

  void coupon(String path, CouponDefinition coupon, Set<String> tierIds, Set<String> ruleIds, Set<String> codes) {
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
      } else if (!codes.add(coupon.code().toUpperCase(Locale.ROOT))) {
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
}
