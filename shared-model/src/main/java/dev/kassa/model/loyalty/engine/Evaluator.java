package dev.kassa.model.loyalty.engine;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.program.EffectType;
import dev.kassa.model.money.Rates;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation: the basket's numbers in plain {@code long} arrays indexed by line, worked through
 * the rules in priority order. Each rule visits only the lines it targets (a per-basket transposition
 * of the program's SKU and category index), so a program's many campaigns for other goods cost
 * almost nothing. Single use, not thread-safe; {@link LoyaltyEngine} makes one per call.
 */
final class Evaluator implements LargestRemainder.Ranking {
  private final CompiledProgram program;
  private final Basket basket;
  private final Scratch scratch;
  final int n;
  final BasketLine[] lines;
  final long[] amount;
  final long[] net;
  final long[] redeemed;
  final long[] points;
  final int[] exclusions;
  /** Line numbers by line index, and whether they ascend with it (the usual case: no sorting for explanations). */
  final int[] lineNos;
  final boolean lineNosAscend;
  /** Canonical ranks of the lines, worked out on the first rounding tie (most evaluations have none). */
  private int[] rank;
  private final long[] remainders;
  private final long[] sorted;
  final long subtotal;
  final Customer customer;
  final int tierIndex;
  /** Per rule: discount given, points given, and the lines it changed ({@link #applied} from {@link #appliedStart}). */
  final long[] ruleDiscount;
  final long[] rulePoints;
  final int[] appliedStart;
  final int[] appliedCount;
  int[] applied;
  private int appliedSize;
  final boolean[] couponNotApplied;
  long tierDiscount;
  long accrualPoints;
  long maxRedeemable;
  long pointsRedeemed;
  long redeemedValue;

  /** Lines each rule targets by SKU or category: {@code candidates[candidateStart[r] .. candidateStart[r + 1])}. */
  private final int[] candidates;
  private final int[] candidateStart;
  private final boolean[] presented;
  private final long[] holding;
  private final boolean[] touched;
  private final boolean[] locked;
  private final long[] multiplier;
  private final long[] bonus;
  /** Scratch for a fixed discount's shares, all zero between uses. */
  private final long[] shares;
  private final int[] members;
  private final long epochDay;
  private final int dayOfWeek;
  private final int minuteOfDay;

  Evaluator(CompiledProgram program, CardState card, Basket basket, Instant at) {
    this.program = program;
    this.basket = basket;
    List<BasketLine> list = basket.lines();
    this.n = list.size();
    int words = program.words;
    int rules = program.rules.length;
    Scratch s = Scratch.forEvaluation(n, rules, words);
    this.scratch = s;
    this.lines = s.lines;
    this.amount = s.amount;
    this.net = s.net;
    this.redeemed = s.redeemed;
    this.points = s.points;
    this.exclusions = s.exclusions;
    this.lineNos = s.lineNos;
    this.multiplier = s.multiplier;
    this.bonus = s.bonus;
    this.shares = s.shares;
    this.touched = s.touched;
    this.locked = s.locked;
    this.members = s.members;
    this.remainders = s.remainders;
    this.sorted = s.sorted;
    long[] targets = s.targets;
    long sum = 0;
    boolean ascend = true;
    for (int i = 0; i < n; i++) {
      BasketLine line = list.get(i);
      lines[i] = line;
      lineNos[i] = line.lineNo();
      ascend &= i == 0 || lineNos[i - 1] < lineNos[i];
      amount[i] = line.amount().minor();
      net[i] = amount[i];
      sum = Math.addExact(sum, amount[i]);
      exclusions[i] = program.index(line.sku(), line.categoryId(), program.flagExclusions(line.flags()), targets,
          i * words);
    }
    this.subtotal = sum;
    this.lineNosAscend = ascend;

    long localSeconds = at.getEpochSecond() + program.zoneRules.getOffset(at).getTotalSeconds();
    this.epochDay = Math.floorDiv(localSeconds, 86_400L);
    this.minuteOfDay = (int) (Math.floorMod(localSeconds, 86_400L) / 60);
    this.dayOfWeek = (int) Math.floorMod(epochDay + 3, 7L); // 1970-01-01 was a Thursday; MONDAY = 0
    this.tierIndex = card == null ? -1 : program.tierIndex(card.spend().minor());
    this.customer = card == null ? null : new Customer(card, tierIndex, epochDay);

    this.ruleDiscount = s.ruleDiscount;
    this.rulePoints = s.rulePoints;
    this.appliedStart = s.appliedStart;
    this.appliedCount = s.appliedCount;
    this.couponNotApplied = s.couponNotApplied;
    this.presented = s.presented;
    presentCoupons();
    this.holding = s.holding;
    findHoldingRules();
    for (int k = 0, size = n * words; k < size; k++) {
      targets[k] &= holding[k % words];
    }
    this.candidateStart = s.candidateStart;
    this.candidates = transpose(targets, words, rules);
    this.applied = s.applied(n * (rules + 1));
  }

  /** Done with the arrays: the result has been built from them. */
  void release() {
    scratch.release(n);
  }

  /**
   * The rules whose check-level conditions hold (a coupon only when presented), as bits by rule
   * index: decided once, before any line is looked at.
   */
  private void findHoldingRules() {
    for (CompiledRule rule : program.rules) {
      int r = rule.index;
      if (rule.coupon && !presented[r]) {
        continue;
      }
      if (rule.holds(epochDay, dayOfWeek, minuteOfDay, subtotal, customer)) {
        holding[r >>> 6] |= 1L << (r & 63);
      } else if (rule.coupon) {
        couponNotApplied[r] = true;
      }
    }
  }

  /**
   * Counting sort of (rule, line) pairs by rule: lines stay in basket order within a rule. Rules for
   * every line are not listed; they visit all lines.
   */
  private int[] transpose(long[] targets, int words, int rules) {
    int[] count = scratch.fill;
    int total = 0;
    for (int i = 0; i < n; i++) {
      for (int w = 0; w < words; w++) {
        for (long bits = targets[i * words + w]; bits != 0; bits &= bits - 1) {
          count[(w << 6) + Long.numberOfTrailingZeros(bits)]++;
          total++;
        }
      }
    }
    for (int r = 0; r < rules; r++) {
      candidateStart[r + 1] = candidateStart[r] + count[r];
      count[r] = 0;
    }
    int[] fill = count;
    int[] result = scratch.candidates(total);
    for (int i = 0; i < n; i++) {
      for (int w = 0; w < words; w++) {
        for (long bits = targets[i * words + w]; bits != 0; bits &= bits - 1) {
          int r = (w << 6) + Long.numberOfTrailingZeros(bits);
          result[candidateStart[r] + fill[r]++] = i;
        }
      }
    }
    return result;
  }

  int appliedSize() {
    return appliedSize;
  }

  @Override
  public int rankOf(int line) {
    if (rank == null) {
      rank = CanonicalOrder.ranks(lines, n);
    }
    return rank[line];
  }

  private void share(long total, long[] weights, int[] members, int count, long[] out) {
    LargestRemainder.distribute(total, weights, members, count, this, out, remainders, sorted);
  }

  void run() {
    for (CompiledRule rule : program.rules) {
      int r = rule.index;
      if ((holding[r >>> 6] & (1L << (r & 63))) != 0 && !apply(rule) && rule.coupon) {
        couponNotApplied[r] = true;
      }
    }
    tierDiscount();
    redeem();
    accrue();
  }

  private void presentCoupons() {
    List<String> ids = basket.couponIds();
    for (int k = 0; k < ids.size(); k++) {
      CompiledRule rule = program.couponsById.get(ids.get(k));
      if (rule == null) {
        throw new IllegalArgumentException("no coupon '" + ids.get(k) + "' in program version " + program.version());
      }
      presented[rule.index] = true;
    }
  }

  /** Applies a rule whose check-level conditions hold to the lines it may change; true if it changed any. */
  private boolean apply(CompiledRule rule) {
    int r = rule.index;
    int needs = rule.discount ? CompiledProgram.NO_DISCOUNT : CompiledProgram.NO_ACCRUAL;
    int count = 0;
    int from = rule.targetsAll ? 0 : candidateStart[r];
    int to = rule.targetsAll ? n : candidateStart[r + 1];
    for (int c = from; c < to; c++) {
      int i = rule.targetsAll ? c : candidates[c];
      if (!locked[i] && (exclusions[i] & needs) == 0 && !(rule.exclusive && touched[i])
          && (!rule.discount || net[i] > 0)) {
        members[count++] = i;
      }
    }
    if (count == 0) {
      return false;
    }
    switch (rule.effect) {
      case PERCENT_DISCOUNT -> {
        long given = 0;
        for (int k = 0; k < count; k++) {
          int i = members[k];
          long off = Share.of(net[i], rule.value, 10_000, program.rounding);
          net[i] -= off;
          given += off;
        }
        ruleDiscount[r] = given;
      }
      case FIXED_DISCOUNT -> {
        long available = 0;
        for (int k = 0; k < count; k++) {
          available += net[members[k]];
        }
        long off = Math.min(rule.value, available);
        share(off, net, members, count, shares);
        for (int k = 0; k < count; k++) {
          net[members[k]] -= shares[members[k]];
          shares[members[k]] = 0;
        }
        ruleDiscount[r] = off;
      }
      case POINTS_MULTIPLIER -> {
        for (int k = 0; k < count; k++) {
          multiplier[members[k]] += rule.value - 100;
        }
      }
      case BONUS_POINTS -> {
        share(rule.value, net, members, count, bonus);
        rulePoints[r] = rule.value;
      }
    }
    if (appliedSize + count > applied.length) {
      applied = scratch.applied(appliedSize + count);
    }
    appliedStart[r] = appliedSize;
    appliedCount[r] = count;
    for (int k = 0; k < count; k++) {
      int i = members[k];
      touched[i] = true;
      locked[i] |= rule.exclusive;
      applied[appliedSize++] = i;
    }
    return true;
  }

  private void tierDiscount() {
    if (tierIndex < 0 || program.tierDiscountBp[tierIndex] == 0) {
      return;
    }
    long bp = program.tierDiscountBp[tierIndex];
    for (int i = 0; i < n; i++) {
      if (!locked[i] && (exclusions[i] & CompiledProgram.NO_DISCOUNT) == 0) {
        long off = Share.of(net[i], bp, 10_000, program.rounding);
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
    share(redeemedValue, net, members, count, redeemed);
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
    long[] exact = scratch.exact;
    long[] base = scratch.base;
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
    share(earned, exact, members, count, points);
    long extras = 0;
    for (CompiledRule rule : program.rules) {
      int r = rule.index;
      if (appliedCount[r] > 0 && rule.effect == EffectType.POINTS_MULTIPLIER) {
        long extra = 0;
        for (int k = appliedStart[r], end = k + appliedCount[r]; k < end; k++) {
          extra = Math.addExact(extra, Math.multiplyExact(base[applied[k]] * num, rule.value - 100));
        }
        // the rule's own share, rounded down; the base accrual explains the rest
        rulePoints[r] = Math.min(earned - extras, Rates.divide(extra, den * 100, RoundingMode.DOWN));
        extras += rulePoints[r];
      }
    }
    accrualPoints = earned - extras;
    for (int i = 0; i < n; i++) {
      points[i] += bonus[i];
    }
  }
}
