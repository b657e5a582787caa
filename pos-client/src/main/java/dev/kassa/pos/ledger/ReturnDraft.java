package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.ReturnLine;
import java.util.List;
import java.util.UUID;

/**
 * A return against {@code originalSaleId}, with the refunds and the points effect the loyalty
 * engine computed: {@code entries} reverse the original sale's earned points for the returned part
 * and give back points the customer paid with. {@code approvedBy} is the manager, or null when
 * the program lets cashiers return alone.
 */
public record ReturnDraft(
    UUID returnId, UUID originalSaleId, String cashierId, String approvedBy, List<ReturnLine> lines,
    List<Payment> refunds, String cardNumber, long pointsReversed, long pointsRestored, String reason,
    List<LedgerEntry> entries) {

  public ReturnDraft {
    requireNonNull(returnId, "returnId == null");
    requireNonNull(originalSaleId, "originalSaleId == null");
    requireNonNull(cashierId, "cashierId == null");
    lines = List.copyOf(requireNonNull(lines, "lines == null"));
    refunds = List.copyOf(requireNonNull(refunds, "refunds == null"));
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
