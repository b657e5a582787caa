package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import java.util.List;
import java.util.UUID;

/**
 * A sale ready to commit, as the sale screen and the loyalty engine made it. {@code saleId} is
 * made by the caller (UUIDv7) because the engine's ledger {@code entries} already point at it;
 * the ledger adds the receipt number, the shift, the time and the journal link. {@code loyalty}
 * is null for a sale without a card.
 */
public record SaleDraft(
    UUID saleId, String cashierId, List<SaleLine> lines, List<Payment> payments, SaleLoyalty loyalty,
    List<LedgerEntry> entries) {

  public SaleDraft {
    requireNonNull(saleId, "saleId == null");
    requireNonNull(cashierId, "cashierId == null");
    lines = List.copyOf(requireNonNull(lines, "lines == null"));
    payments = List.copyOf(requireNonNull(payments, "payments == null"));
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
