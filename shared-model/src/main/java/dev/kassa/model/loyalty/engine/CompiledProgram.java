package dev.kassa.model.loyalty.engine;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.loyalty.program.CouponDefinition;
import dev.kassa.model.loyalty.program.CouponKind;
import dev.kassa.model.loyalty.program.Campaign;
import dev.kassa.model.loyalty.program.Conditions;
import dev.kassa.model.loyalty.program.Effect;
import dev.kassa.model.loyalty.program.Stacking;
import dev.kassa.model.loyalty.program.Exclusions;
import dev.kassa.model.loyalty.program.InvalidProgramException;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.ProgramValidator;
import dev.kassa.model.loyalty.program.ProgramViolation;
import dev.kassa.model.loyalty.program.Rate;
import dev.kassa.model.loyalty.program.Redemption;
import dev.kassa.model.loyalty.program.Tier;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A valid program version turned once into integers and indexes: rules sorted by priority, bit
 * masks of the rules that target each SKU and category, exclusion bits per SKU, category and flag.
 * Evaluating a basket then costs two hash look-ups per line, whatever the number of campaigns.
 * Immutable and safe to share between threads.
 */
public final class CompiledProgram {
  static final int NO_ACCRUAL = 1;
  static final int NO_DISCOUNT = 2;
  static final int NO_REDEMPTION = 4;
  private static final ProductFlag[] FLAGS = ProductFlag.values();

  final LoyaltyProgram source;
  final Currency currency;
  final int fractionDigits;
  final ZoneId zone;
  final ZoneRules zoneRules;
  final RoundingMode rounding;
  /** Base accrual: points = amount * num / den (before multipliers). */
  final long baseNum;
  final long baseDen;
  /** Tiers by threshold, highest first. */
  final Tier[] tiers;
  final long[] tierMinSpend;
  final long[] tierNum;
  final long[] tierDen;
  final long[] tierDiscountBp;
  final CompiledRule[] rules;
  final int words;
  /** What the program says about a SKU and about a category: one look-up each per line. */
  final Map<String, Facts> skus = new HashMap<>();
  final Map<String, Facts> categories = new HashMap<>();
  final int[] flagExclusions = new int[FLAGS.length];
  final Map<String, CompiledRule> couponsById = new HashMap<>();
  final Map<String, String> promoCodes = new HashMap<>();
  final boolean redemption;
  final long pointValueMinor;
  final long capBp;
  final long minBalance;
  final boolean redeemedPartEarns;

  private CompiledProgram(LoyaltyProgram program) {
    this.source = program;
    this.currency = Currency.getInstance(program.currency());
    this.fractionDigits = Math.max(0, currency.getDefaultFractionDigits());
    this.zone = ZoneId.of(program.timeZone());
    this.zoneRules = zone.getRules();
    this.rounding = program.roundingOrDefault();
    Redemption r = program.redemption();
    this.redemption = r != null;
    this.pointValueMinor = r == null ? pow10(fractionDigits) : CompiledRule.minor(r.pointValue(), fractionDigits);
    this.capBp = r == null ? 0 : r.capPercent().movePointRight(2).longValueExact();
    this.minBalance = r == null || r.minBalance() == null ? 0 : r.minBalance();
    this.redeemedPartEarns = r != null && r.earnsOnRedeemedPart();

    long[] base = rate(program.accrual().rate());
    this.baseNum = base[0];
    this.baseDen = base[1];

    List<Tier> sorted = new ArrayList<>(program.tiers());
    sorted.sort(Comparator.comparing(Tier::minSpend).reversed());
    this.tiers = sorted.toArray(new Tier[0]);
    this.tierMinSpend = new long[tiers.length];
    this.tierNum = new long[tiers.length];
    this.tierDen = new long[tiers.length];
    this.tierDiscountBp = new long[tiers.length];
    Map<String, Integer> tierIndex = new HashMap<>();
    for (int t = 0; t < tiers.length; t++) {
      Tier tier = tiers[t];
      tierIndex.put(tier.id(), t);
      tierMinSpend[t] = CompiledRule.minor(tier.minSpend(), fractionDigits);
      long[] rate = tier.accrual() == null ? base : rate(tier.accrual());
      tierNum[t] = rate[0];
      tierDen[t] = rate[1];
      tierDiscountBp[t] = tier.discountPercent() == null ? 0 : tier.discountPercent().movePointRight(2).longValueExact();
    }

    this.rules = rules(program, tierIndex);
    this.words = (rules.length + 63) / 64;
    indexRules();
    exclude(program.accrual().exclusions(), NO_ACCRUAL);
    exclude(program.discountExclusions() == null ? Exclusions.NONE : program.discountExclusions(), NO_DISCOUNT);
    if (r != null) {
      exclude(r.exclusions(), NO_REDEMPTION);
    }
    // the catalog's own flags hold whatever the program says
    flagExclusions[ProductFlag.NO_ACCRUAL.ordinal()] |= NO_ACCRUAL;
    flagExclusions[ProductFlag.NO_DISCOUNT.ordinal()] |= NO_DISCOUNT;
    flagExclusions[ProductFlag.NO_REDEMPTION.ordinal()] |= NO_REDEMPTION;
  }

  /** Validates and compiles; an {@link InvalidProgramException} lists every problem. */
  public static CompiledProgram compile(LoyaltyProgram program) {
    List<ProgramViolation> violations = ProgramValidator.validate(program);
    if (!violations.isEmpty()) {
      throw new InvalidProgramException(violations);
    }
    return new CompiledProgram(program);
  }

  public LoyaltyProgram program() {
    return source;
  }

  public int version() {
    return source.version();
  }

  public Currency currency() {
    return currency;
  }

  public ZoneId zone() {
    return zone;
  }

  public RoundingMode rounding() {
    return rounding;
  }

  /** Days after which credited points expire; 0 when they never do. */
  public int expiryDays() {
    return source.expiry() == null ? 0 : source.expiry().afterDays();
  }

  /** The tier a rolling 12-month spend reaches, or null below every threshold (or without tiers). */
  public String tierFor(long spendMinor) {
    int t = tierIndex(spendMinor);
    return t < 0 ? null : tiers[t].id();
  }

  int tierIndex(long spendMinor) {
    for (int t = 0; t < tiers.length; t++) {
      if (spendMinor >= tierMinSpend[t]) {
        return t;
      }
    }
    return -1;
  }

  /** Whether points may pay for such a line (the return calculator shares redemption like the engine). */
  public boolean redeemable(String sku, String categoryId, Set<ProductFlag> flags) {
    return (exclusions(sku, categoryId, flags) & NO_REDEMPTION) == 0;
  }

  /** The coupon definition a PROMO code names, case-insensitively; null when none. */
  public CouponDefinition promoCoupon(String code) {
    String id = promoCodes.get(code.toUpperCase(Locale.ROOT));
    return id == null ? null : couponDefinition(id);
  }

  public CouponDefinition couponDefinition(String id) {
    for (CouponDefinition coupon : source.coupons()) {
      if (coupon.id().equals(id)) {
        return coupon;
      }
    }
    return null;
  }

  int exclusions(String sku, String categoryId, Collection<ProductFlag> flags) {
    int bits = flagExclusions(flags);
    Facts bySku = skus.get(sku);
    Facts byCategory = categories.get(categoryId);
    return bits | (bySku == null ? 0 : bySku.exclusions) | (byCategory == null ? 0 : byCategory.exclusions);
  }

  /**
   * Exclusion bits of a line (as {@link #exclusions}), and into {@code out[offset..offset+words)} the
   * rules that target it by SKU or category (a rule without either targets every line).
   */
  int index(String sku, String categoryId, int flagBits, long[] out, int offset) {
    Facts bySku = skus.get(sku);
    Facts byCategory = categories.get(categoryId);
    int bits = flagBits;
    if (bySku != null) {
      bits |= bySku.exclusions;
      for (int w = 0; w < words; w++) {
        out[offset + w] |= bySku.rules[w];
      }
    }
    if (byCategory != null) {
      bits |= byCategory.exclusions;
      for (int w = 0; w < words; w++) {
        out[offset + w] |= byCategory.rules[w];
      }
    }
    return bits;
  }

  /** The exclusion bits the catalog flags of a line carry. */
  int flagExclusions(Collection<ProductFlag> flags) {
    int bits = 0;
    if (!flags.isEmpty()) {
      for (ProductFlag flag : FLAGS) {
        if (flags.contains(flag)) {
          bits |= flagExclusions[flag.ordinal()];
        }
      }
    }
    return bits;
  }

  /** The rules targeting, and the exclusions applying to, one SKU or one category. */
  static final class Facts {
    final long[] rules;
    int exclusions;

    Facts(int words) {
      this.rules = new long[words];
    }
  }

  /** A campaign or coupon before it gets its index in priority order. */
  private record Spec(String id, Map<String, String> name, CouponDefinition coupon, int priority, Stacking stacking,
      Conditions when, Effect effect) {}

  private CompiledRule[] rules(LoyaltyProgram program, Map<String, Integer> tierIndex) {
    List<Spec> specs = new ArrayList<>();
    for (Campaign c : program.campaigns()) {
      specs.add(new Spec(c.id(), c.name(), null, c.priority(), c.stacking(), c.when(), c.effect()));
    }
    for (CouponDefinition c : program.coupons()) {
      specs.add(new Spec(c.id(), c.name(), c, c.priority(), c.stacking(), c.when(), c.effect()));
    }
    specs.sort(Comparator.comparingInt((Spec spec) -> -spec.priority()).thenComparing(Spec::id));
    CompiledRule[] result = new CompiledRule[specs.size()];
    for (int i = 0; i < result.length; i++) {
      Spec spec = specs.get(i);
      result[i] = new CompiledRule(i, spec.id(), spec.name(), spec.coupon() != null, spec.priority(), spec.stacking(),
          spec.when(), spec.effect(), fractionDigits, tierIndex);
      if (spec.coupon() != null) {
        couponsById.put(spec.id(), result[i]);
        if (spec.coupon().kind() == CouponKind.PROMO) {
          promoCodes.put(spec.coupon().code().toUpperCase(Locale.ROOT), spec.id());
        }
      }
    }
    return result;
  }

  private void indexRules() {
    for (CompiledRule rule : rules) {
      int word = rule.index / 64;
      long bit = 1L << (rule.index % 64);
      for (String sku : rule.when.products()) {
        facts(skus, sku).rules[word] |= bit;
      }
      for (String category : rule.when.categories()) {
        facts(categories, category).rules[word] |= bit;
      }
    }
  }

  private void exclude(Exclusions exclusions, int bit) {
    for (ProductFlag flag : exclusions.flags()) {
      flagExclusions[flag.ordinal()] |= bit;
    }
    for (String category : exclusions.categories()) {
      facts(categories, category).exclusions |= bit;
    }
    for (String sku : exclusions.products()) {
      facts(skus, sku).exclusions |= bit;
    }
  }

  private Facts facts(Map<String, Facts> map, String key) {
    return map.computeIfAbsent(key, k -> new Facts(words));
  }

  /** Points per minor unit as a fraction {num, den}. */
  private long[] rate(Rate rate) {
    if (rate.percent() != null) {
      // percent of the amount, given back as points worth that much at the point value
      long bp = rate.percent().movePointRight(2).longValueExact();
      return new long[] {bp, Math.multiplyExact(10_000L, pointValueMinor)};
    }
    return new long[] {rate.points(), CompiledRule.minor(rate.per(), fractionDigits)};
  }

  private static long pow10(int digits) {
    long p = 1;
    for (int i = 0; i < digits; i++) {
      p *= 10;
    }
    return p;
  }
}
