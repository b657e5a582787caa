package dev.kassa.pos.checkout;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.sale.Sale;
import java.util.List;

/**
 * A committed sale with what the loyalty engine made of it and the points entries committed with
 * it ({@code evaluation} is null for a sale without a card). {@code redemption} says how points
 * were paid with: online through a server reservation, offline within the bounded risk, or not.
 */
public record CheckoutResult(Sale sale, Evaluation evaluation, List<LedgerEntry> entries, Redemption redemption) {

  public enum Redemption { NONE, ONLINE, OFFLINE }

  public CheckoutResult {
    requireNonNull(sale, "sale == null");
    entries = List.copyOf(requireNonNull(entries, "entries == null"));
    requireNonNull(redemption, "redemption == null");
  }
}
