package dev.kassa.model.loyalty.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything known about one card that its state derives from: the member's birthday (may be null),
 * its points entries, and the sales, returns and voids made with it (others are ignored).
 */
public record CardHistory(
    String cardNumber, LocalDate birthday, List<LedgerEntry> entries, List<Sale> sales, List<SaleReturn> returns,
    List<SaleVoid> voids) {

  public CardHistory {
    requireNonNull(cardNumber, "cardNumber == null");
    entries = entries == null ? List.of() : List.copyOf(entries);
    sales = sales == null ? List.of() : List.copyOf(sales);
    returns = returns == null ? List.of() : List.copyOf(returns);
    voids = voids == null ? List.of() : List.copyOf(voids);
  }
}
