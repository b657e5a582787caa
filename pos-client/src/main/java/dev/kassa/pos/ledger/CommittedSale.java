package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sale.Sale;
import dev.kassa.model.sync.JournalLink;

/** A sale durably in the ledger: its receipt number is final; the drawer may open. */
public record CommittedSale(Sale sale, JournalLink link) {
  public CommittedSale {
    requireNonNull(sale, "sale == null");
    requireNonNull(link, "link == null");
  }

  public long receiptNo() {
    return sale.receiptNo();
  }
}
