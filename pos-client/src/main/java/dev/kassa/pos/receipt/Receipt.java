package dev.kassa.pos.receipt;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sale.Sale;
import java.util.List;
import java.util.Optional;

/** Everything one sale receipt shows; the sale itself is the fiscal record and is not altered. */
public record Receipt(
    StoreHeader store, Sale sale, String cashierName, Optional<ReceiptLoyalty> loyalty, List<String> footer) {

  public Receipt {
    requireNonNull(store, "store == null");
    requireNonNull(sale, "sale == null");
    requireNonNull(cashierName, "cashierName == null");
    requireNonNull(loyalty, "loyalty == null");
    footer = List.copyOf(requireNonNull(footer, "footer == null"));
    if (sale.loyalty() != null && loyalty.isEmpty()) {
      throw new IllegalArgumentException("sale " + sale.id() + " has a loyalty card but the receipt no loyalty block");
    }
  }
}
