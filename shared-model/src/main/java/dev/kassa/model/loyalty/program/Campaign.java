package dev.kassa.model.loyalty.program;

import java.util.Map;

/**
 * A rule the office runs for a while: when {@code when} holds, {@code effect} applies to the targeted
 * lines. {@code priority} orders rules explicitly (higher first); {@code stacking} says whether others
 * may combine with it.
 */
public record Campaign(String id, Map<String, String> name, int priority, Stacking stacking, Conditions when, Effect effect) {
  public Campaign {
    name = LoyaltyProgram.names(name);
    when = when == null ? Conditions.ALWAYS : when;
  }
}
