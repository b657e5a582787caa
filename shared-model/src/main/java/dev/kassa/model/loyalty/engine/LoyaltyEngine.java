package dev.kassa.model.loyalty.engine;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.Tier;
import dev.kassa.model.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The loyalty engine: a pure function of (program version, card state, basket, time) to discounts,
 * points and their explanation. The terminal runs it offline while the cashier scans; the server
 * runs it again with the same version when it merges the sale, and both agree to the kopeck and the
 * point. Deterministic and independent of line order; integers only. Make one per program version
 * (compiling is the expensive part) and share it: it is immutable and thread-safe.
 *
 * <p>Order of work: campaigns and presented coupons by priority (discounts on the line's remaining
 * amount; multipliers and bonuses noted), then the tier discount on lines no exclusive rule took,
 * then redemption (capped on the discounted eligible amount), then accrual on what is left to pay.
 * The tier follows from the card's 12-month spend under this version.
 */
public final class LoyaltyEngine {
  private final CompiledProgram program;

  public LoyaltyEngine(CompiledProgram program) {
    this.program = requireNonNull(program, "program == null");
  }

  /** Validates and compiles {@code program}; an invalid one is an InvalidProgramException. */
  public static LoyaltyEngine of(LoyaltyProgram program) {
    return new LoyaltyEngine(CompiledProgram.compile(program));
  }

  public CompiledProgram program() {
    return program;
  }

  /**
   * Evaluates a basket at {@code at} for a card ({@code null}: a customer without a card, who gets
   * the discounts that need no card and no points).
   */
  public Evaluation evaluate(CardState card, Basket basket, Instant at) {
    requireNonNull(basket, "basket == null");
    requireNonNull(at, "at == null");
    if (!basket.currency().equals(program.currency)) {
      throw new IllegalArgumentException("basket in " + basket.currency() + ", program in " + program.currency);
    }
    Evaluator e = new Evaluator(program, card, basket, at);
    try {
      e.run();
      return result(e, basket.currency());
    } finally {
      e.release();
    }
  }

  private Evaluation result(Evaluator e, Currency currency) {
    int n = e.n;
    Money zero = Money.zero(currency);
    List<LineOutcome> lines = new ArrayList<>(n);
    long discount = 0;
    long earned = 0;
    for (int i = 0; i < n; i++) {
      long lineDiscount = e.amount[i] - e.net[i];
      discount += lineDiscount;
      earned += e.points[i];
      lines.add(new LineOutcome(e.lineNos[i], e.lines[i].amount(), lineDiscount, e.redeemed[i], e.points[i]));
    }
    List<Explanation> explanations = new ArrayList<>();
    List<String> notApplied = List.of();
    int[] lineNos = new int[e.appliedSize()];
    for (int k = 0; k < lineNos.length; k++) {
      lineNos[k] = e.lineNos[e.applied[k]];
    }
    for (CompiledRule rule : program.rules) {
      int r = rule.index;
      if (e.appliedCount[r] > 0 && (e.ruleDiscount[r] != 0 || e.rulePoints[r] != 0)) {
        String key = rule.discount
            ? (rule.coupon ? Explanation.COUPON_DISCOUNT : Explanation.CAMPAIGN_DISCOUNT)
            : (rule.coupon ? Explanation.COUPON_POINTS : Explanation.CAMPAIGN_POINTS);
        int from = e.appliedStart[r];
        explanations.add(new Explanation(rule.id, key, rule.name, money(e.ruleDiscount[r], zero), e.rulePoints[r],
            new LineNumbers(lineNos, from, from + e.appliedCount[r], e.lineNosAscend)));
      }
      if (e.couponNotApplied[r]) {
        if (notApplied.isEmpty()) {
          notApplied = new ArrayList<>();
        }
        notApplied.add(rule.id);
      }
    }
    Tier tier = e.tierIndex < 0 ? null : program.tiers[e.tierIndex];
    if (e.tierDiscount > 0) {
      explanations.add(new Explanation(tier.id(), Explanation.TIER_DISCOUNT, tier.name(),
          Money.ofMinor(e.tierDiscount, currency), 0, List.of()));
    }
    if (e.accrualPoints > 0) {
      boolean tierRate = tier != null && tier.accrual() != null;
      explanations.add(new Explanation(tierRate ? tier.id() : "accrual", Explanation.ACCRUAL,
          tierRate ? tier.name() : Map.of(), zero, e.accrualPoints, List.of()));
    }
    if (e.pointsRedeemed > 0) {
      explanations.add(new Explanation("redemption", Explanation.REDEMPTION, Map.of(),
          Money.ofMinor(e.redeemedValue, currency), -e.pointsRedeemed, List.of()));
    }
    long total = e.subtotal - discount;
    return new Evaluation(program.version(), tier == null ? null : tier.id(), lines,
        Money.ofMinor(e.subtotal, currency), Money.ofMinor(discount, currency), Money.ofMinor(total, currency),
        e.maxRedeemable, e.pointsRedeemed, money(e.redeemedValue, zero),
        Money.ofMinor(total - e.redeemedValue, currency), earned, explanations, notApplied);
  }

  private static Money money(long minor, Money zero) {
    return minor == 0 ? zero : Money.ofMinor(minor, zero.currency());
  }
}
