package dev.kassa.model.loyalty.engine;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.program.EffectType;
import dev.kassa.model.money.Rates;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation: the basket's numbers in plain {@code long} arrays indexed by line, worked through
 * the rules in priority order. Single use, not thread-safe; {@link LoyaltyEngine} makes one per call.
 */
final class Evaluator {
  private final CompiledProgram program;
  private final Basket basket;
  private final int n;
  final BasketLine[] lines;
  final long[] amount;
  final long[] net;
  final long[] redeemed;
  final long[] points;
  final int[] exclusions;
  final int[] rank;
  final long subtotal;
  final Customer customer;
  final int tierIndex;
  /** Per rule: discount given, points given, and which lines it changed (bit per line). */
  final long[] ruleDiscount;
  final long[] rulePoints;
  final long[][] ruleLines;
  final boolean[] ruleApplied;
  final boolean[] couponNotApplied;
  long tierDiscount;
  long accrualPoints;
  long maxRedeemable;
  long pointsRedeemed;
  long redeemedValue;

  private final long[] targets;
  private final boolean[] touched;
  private final boolean[] locked;
  private final long[] multiplier;
  private final long[] bonus;
  private final int[] members;
  private final long epochDay;
  private final int dayOfWeek;
  private final int minuteOfDay;

  Evaluator(CompiledProgram program, CardState card, Basket basket, Instant at) {
    this.program = program;
    this.basket = basket;
    List<BasketLine> list = basket.lines();
    this.n = list.size();
    this.lines = list.toArray(new BasketLine[0]);
    this.amount = new long[n];
    this.net = new long[n];
    this.redeemed = new long[n];
    this.points = new long[n];
    this.exclusions = new int[n];
    this.multiplier = new long[n];
    this.bonus = new long[n];
    this.touched = new boolean[n];
    this.locked = new boolean[n];
    this.members = new int[n];
    this.targets = new long[n * program.words];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      BasketLine line = lines[i];
      amount[i] = line.amount().minor();
      net[i] = amount[i];
      multiplier[i] = 100;
      sum = Math.addExact(sum, amount[i]);
      exclusions[i] = program.exclusions(line.sku(), line.categoryId(), line.flags());
      program.targets(line.sku(), line.categoryId(), targets, i * program.words);
    }
    this.subtotal = sum;
    this.rank = CanonicalOrder.ranks(lines);

    long localSeconds = at.getEpochSecond() + program.zoneRules.getOffset(at).getTotalSeconds();
    this.epochDay = Math.floorDiv(localSeconds, 86_400L);
    this.minuteOfDay = (int) (Math.floorMod(localSeconds, 86_400L) / 60);
    this.dayOfWeek = (int) Math.floorMod(epochDay + 3, 7L); // 1970-01-01 was a Thursday; MONDAY = 0
    this.tierIndex = card == null ? -1 : program.tierIndex(card.spend().minor());
    this.customer = card == null ? null : new Customer(card, tierIndex, epochDay);

    int rules = program.rules.length;
    this.ruleDiscount = new long[rules];
    this.rulePoints = new long[rules];
    this.ruleLines = new long[rules][];
    this.ruleApplied = new boolean[rules];
    this.couponNotApplied = new boolean[rules];
  }

  void run() {
    boolean[] presented = presentedCoupons();
    for (CompiledRule rule : program.rules) {
      if (rule.coupon && !presented[rule.index]) {
        continue;
      }
      boolean applied = rule.holds(epochDay, dayOfWeek, minuteOfDay, subtotal, customer) && apply(rule);
      if (rule.coupon && !applied) {
        couponNotApplied[rule.index] = true;
      }
    }
    tierDiscount();
    redeem();
    accrue();
  }

  private boolean[] presentedCoupons() {
    boolean[] presented = new boolean[program.rules.length];
    for (String id : basket.couponIds()) {
      CompiledRule rule = program.couponsById.get(id);
      if (rule == null) {
        throw new IllegalArgumentException("no coupon '" + id + "' in program version " + program.version());
      }
      presented[rule.index] = true;
    }
    return presented;
  }

  /** Applies a rule whose check-level conditions hold to the lines it may change; true if it changed any. */
  private boolean apply(CompiledRule rule) {
    int word = rule.index >>> 6;
    long bit = 1L << (rule.index & 63);
    int needs = rule.isDiscount() ? CompiledProgram.NO_DISCOUNT : CompiledProgram.NO_ACCRUAL;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if ((targets[i * program.words + word] & bit) != 0 && !locked[i] && (exclusions[i] & needs) == 0
          && !(rule.exclusive && touched[i]) && (!rule.isDiscount() || net[i] > 0)) {
        members[count++] = i;
      }
    }
    if (count == 0) {
      return false;
    }
    switch (rule.effect) {
      case PERCENT_DISCOUNT -> {
        for (int k = 0; k < count; k++) {
          int i = members[k];
          long off = Rates.mulDiv(net[i], rule.value, 10_000, program.rounding);
          net[i] -= off;
          ruleDiscount[rule.index] += off;
        }
      }
      case FIXED_DISCOUNT -> {
        long available = 0;
        for (int k = 0; k < count; k++) {
          available += net[members[k]];
        }
        long off = Math.min(rule.value, available);
        long[] shares = new long[n];
        LargestRemainder.distribute(off, net, members, count, rank, shares);
        for (int k = 0; k < count; k++) {
          net[members[k]] -= shares[members[k]];
        }
        ruleDiscount[rule.index] = off;
      }
      case POINTS_MULTIPLIER -> {
        for (int k = 0; k < count; k++) {
          multiplier[members[k]] += rule.value - 100;
        }
      }
      case BONUS_POINTS -> {
        LargestRemainder.distribute(rule.value, net, members, count, rank, bonus);
        rulePoints[rule.index] = rule.value;
      }
    }
    long[] changed = new long[(n + 63) >>> 6];
    for (int k = 0; k < count; k++) {
      int i = members[k];
      touched[i] = true;
      if (rule.exclusive) {
        locked[i] = true;
      }
      changed[i >>> 6] |= 1L << (i & 63);
    }
    ruleLines[rule.index] = changed;
    ruleApplied[rule.index] = true;
    return true;
  }

  private void tierDiscount() {
    if (tierIndex < 0 || program.tierDiscountBp[tierIndex] == 0) {
      return;
    }
    long bp = program.tierDiscountBp[tierIndex];
    for (int i = 0; i < n; i++) {
      if (!locked[i] && (exclusions[i] & CompiledProgram.NO_DISCOUNT) == 0) {
        long off = Rates.mulDiv(net[i], bp, 10_000, program.rounding);
        net[i] -= off;
        tierDiscount += off;
      }
    }
  }

  /** The cap is rounded down and points are whole: redemption never exceeds the cap or the balance. */
  private void redeem() {
    if (customer == null || !program.redemption) {
      return;
    }
    long balance = customer.card.spendable();
    if (balance == 0 || balance < program.minBalance) {
      return;
    }
    long eligible = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if ((exclusions[i] & CompiledProgram.NO_REDEMPTION) == 0) {
        eligible += net[i];
        members[count++] = i;
      }
    }
    long cap = Rates.mulDiv(eligible, program.capBp, 10_000, RoundingMode.DOWN);
    maxRedeemable = Math.min(balance, cap / program.pointValueMinor);
    pointsRedeemed = Math.min(basket.pointsToRedeem(), maxRedeemable);
    redeemedValue = Math.multiplyExact(pointsRedeemed, program.pointValueMinor);
    LargestRemainder.distribute(redeemedValue, net, members, count, rank, redeemed);
  }

  /**
   * Points are worked out for the check as a whole (so a rate of 1 point per 100.00 is not lost to
   * rounding line by line) and then shared among the lines by their exact points.
   */
  private void accrue() {
    if (customer == null) {
      return;
    }
    long num = tierIndex < 0 ? program.baseNum : program.tierNum[tierIndex];
    long den = tierIndex < 0 ? program.baseDen : program.tierDen[tierIndex];
    long[] exact = new long[n];
    long[] base = new long[n];
    long total = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if ((exclusions[i] & CompiledProgram.NO_ACCRUAL) == 0) {
        base[i] = program.redeemedPartEarns ? net[i] : net[i] - redeemed[i];
        exact[i] = Math.multiplyExact(Math.multiplyExact(base[i], num), multiplier[i]);
        total = Math.addExact(total, exact[i]);
        members[count++] = i;
      }
    }
    long earned = Rates.divide(total, Math.multiplyExact(den, 100), program.rounding);
    LargestRemainder.distribute(earned, exact, members, count, rank, points);
    long extras = 0;
    for (CompiledRule rule : program.rules) {
      if (ruleApplied[rule.index] && rule.effect == EffectType.POINTS_MULTIPLIER) {
        long extra = 0;
        for (int i = 0; i < n; i++) {
          if ((ruleLines[rule.index][i >>> 6] & (1L << (i & 63))) != 0) {
            extra = Math.addExact(extra, Math.multiplyExact(base[i] * num, rule.value - 100));
          }
        }
        // the rule's own share, rounded down; the base accrual explains the rest
        rulePoints[rule.index] = Math.min(earned - extras, Rates.divide(extra, den * 100, RoundingMode.DOWN));
        extras += rulePoints[rule.index];
      }
    }
    accrualPoints = earned - extras;
    for (int i = 0; i < n; i++) {
      points[i] += bonus[i];
    }
  }
}
