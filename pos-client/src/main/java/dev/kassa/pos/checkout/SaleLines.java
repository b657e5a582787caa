package dev.kassa.pos.checkout;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.VatRate;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LineOutcome;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.ledger.store.FeedRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sale's lines from the basket and the engine's outcome. The VAT rate is the one the catalog
 * feed gives for the product's VAT code on the store's date of the sale, copied into the line so
 * that a later rate change never alters the receipt.
 */
final class SaleLines {
  private SaleLines() {}

  static List<SaleLine> of(CheckoutRequest request, Evaluation evaluation, FeedRows feeds, LocalDate day) {
    List<SaleLine> lines = new ArrayList<>(request.lines().size());
    int lineNo = 1;
    for (CartLine cart : request.lines()) {
      Product p = cart.product();
      Money amount = cart.quantity().priceAt(p.price());
      Money discount = Money.zero(amount.currency());
      long points = 0;
      if (evaluation != null) {
        LineOutcome outcome = evaluation.line(lineNo);
        discount = outcome.discount();
        points = outcome.points();
      }
      String name = p.names().getOrDefault("ru", p.names().values().iterator().next());
      lines.add(new SaleLine(lineNo, p.sku(), cart.barcode(), name, p.categoryId(), cart.quantity(), p.price(), amount,
          discount, p.vatCode(), vatBasisPoints(feeds, p.vatCode(), day), points, p.flags()));
      lineNo++;
    }
    return lines;
  }

  /** The rate in force; 0 when the catalog never sent this code (the receipt then shows no VAT). */
  private static int vatBasisPoints(FeedRows feeds, String code, LocalDate day) {
    return feeds.entity("vat_rate", code)
        .map(node -> SyncCodec.fromTree(node, VatRate.class).basisPointsOn(day))
        .orElse(0);
  }
}
