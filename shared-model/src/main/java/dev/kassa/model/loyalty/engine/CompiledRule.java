package dev.kassa.model.loyalty.engine;

import dev.kassa.model.loyalty.program.Conditions;
import dev.kassa.model.loyalty.program.Effect;
import dev.kassa.model.loyalty.program.EffectType;
import dev.kassa.model.loyalty.program.Stacking;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Map;

/**
 * A campaign or coupon reduced to integers once per program version, so that checking it against a
 * basket compares numbers and never parses, boxes or allocates.
 */
final class CompiledRule {
  final int index;
  final String id;
  final Map<String, String> name;
  final boolean coupon;
  final int priority;
  final boolean exclusive;
  final long fromEpochDay;
  final long toEpochDay;
  /** Bit {@code DayOfWeek.ordinal()} set for each allowed day; 0 = any day. */
  final int dayMask;
  /** Minutes of the day; {@code -1} = all day. */
  final int minuteFrom;
  final int minuteTo;
  final long minCheckMinor;
  /** Allowed tier indexes of {@link CompiledProgram}; null = any customer, with or without a card. */
  final boolean[] tiers;
  /** null: either; true: only a card's first purchase; false: only later ones. */
  final Boolean firstPurchase;
  /** Days either side of the birthday; {@code -1} = no birthday condition. */
  final int birthdayWindow;
  /** No product or category condition: every line is a target. */
  final boolean targetsAll;
  final Conditions when;
  final EffectType effect;
  /**
   * The effect's number: multiplier in hundredths (x1.5 = 150), bonus points, percent in basis
   * points (2.5% = 250), or fixed amount in minor units.
   */
  final long value;
  /** PERCENT_DISCOUNT or FIXED_DISCOUNT (else the effect is on points). */
  final boolean discount;
  final boolean needsCard;

  CompiledRule(int index, String id, Map<String, String> name, boolean coupon, int priority, Stacking stacking,
      Conditions when, Effect effect, int fractionDigits, Map<String, Integer> tierIndex) {
    this.index = index;
    this.id = id;
    this.name = name;
    this.coupon = coupon;
    this.priority = priority;
    this.exclusive = stacking == Stacking.EXCLUSIVE;
    this.fromEpochDay = when.from() == null ? Long.MIN_VALUE : when.from().toEpochDay();
    this.toEpochDay = when.to() == null ? Long.MAX_VALUE : when.to().toEpochDay();
    int days = 0;
    for (DayOfWeek day : when.days()) {
      days |= 1 << day.ordinal();
    }
    this.dayMask = days;
    this.minuteFrom = when.timeFrom() == null ? -1 : when.timeFrom().getHour() * 60 + when.timeFrom().getMinute();
    this.minuteTo = when.timeTo() == null ? -1 : when.timeTo().getHour() * 60 + when.timeTo().getMinute();
    this.minCheckMinor = when.minCheck() == null ? 0 : minor(when.minCheck(), fractionDigits);
    if (when.tiers().isEmpty()) {
      this.tiers = null;
    } else {
      this.tiers = new boolean[tierIndex.size()];
      for (String tier : when.tiers()) {
        this.tiers[tierIndex.get(tier)] = true;
      }
    }
    this.firstPurchase = when.firstPurchase();
    this.birthdayWindow = when.birthdayWindowDays() == null ? -1 : when.birthdayWindowDays();
    this.targetsAll = when.products().isEmpty() && when.categories().isEmpty();
    this.when = when;
    this.effect = effect.type();
    this.value = switch (effect.type()) {
      case POINTS_MULTIPLIER -> effect.multiplier().movePointRight(2).longValueExact();
      case BONUS_POINTS -> effect.points();
      case PERCENT_DISCOUNT -> effect.percent().movePointRight(2).longValueExact();
      case FIXED_DISCOUNT -> minor(effect.amount(), fractionDigits);
    };
    this.discount = effect.type() == EffectType.PERCENT_DISCOUNT || effect.type() == EffectType.FIXED_DISCOUNT;
    this.needsCard = needsCard();
  }

  private boolean needsCard() {
    return tiers != null || firstPurchase != null || birthdayWindow >= 0 || !discount;
  }

  /** The conditions that do not depend on the lines, for a moment in the store's zone. */
  boolean holds(long epochDay, int dayOfWeek, int minuteOfDay, long subtotalMinor, Customer customer) {
    if (epochDay < fromEpochDay || epochDay > toEpochDay) {
      return false;
    }
    if (dayMask != 0 && (dayMask & (1 << dayOfWeek)) == 0) {
      return false;
    }
    if (minuteFrom >= 0) {
      boolean inside = minuteFrom < minuteTo
          ? minuteOfDay >= minuteFrom && minuteOfDay < minuteTo
          : minuteOfDay >= minuteFrom || minuteOfDay < minuteTo;
      if (!inside) {
        return false;
      }
    }
    if (subtotalMinor < minCheckMinor) {
      return false;
    }
    if (needsCard && customer == null) {
      return false;
    }
    if (tiers != null && (customer.tierIndex < 0 || !tiers[customer.tierIndex])) {
      return false;
    }
    if (firstPurchase != null && firstPurchase != customer.firstPurchase) {
      return false;
    }
    return birthdayWindow < 0 || customer.birthdayDistance() <= birthdayWindow;
  }

  static long minor(BigDecimal amount, int fractionDigits) {
    return amount.movePointRight(fractionDigits).longValueExact();
  }
}
