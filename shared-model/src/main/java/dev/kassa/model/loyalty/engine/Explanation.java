package dev.kassa.model.loyalty.engine;

import dev.kassa.model.money.Money;
import java.util.List;
import java.util.Map;

/**
 * Why the customer got a discount or points, one per rule that did something, for the cashier
 * screen and the receipt. {@code key} is a message key ({@code loyalty.campaign.discount}) a screen
 * translates; {@code name} is the rule's own name by language from the program; {@code lineNos} are
 * the lines it changed (empty for check-level effects such as redemption).
 */
public record Explanation(
    String ruleId, String key, Map<String, String> name, Money discount, long points, List<Integer> lineNos) {

  public static final String ACCRUAL = "loyalty.accrual";
  public static final String TIER_DISCOUNT = "loyalty.tier.discount";
  public static final String CAMPAIGN_DISCOUNT = "loyalty.campaign.discount";
  public static final String CAMPAIGN_POINTS = "loyalty.campaign.points";
  public static final String COUPON_DISCOUNT = "loyalty.coupon.discount";
  public static final String COUPON_POINTS = "loyalty.coupon.points";
  public static final String REDEMPTION = "loyalty.redemption";
}
