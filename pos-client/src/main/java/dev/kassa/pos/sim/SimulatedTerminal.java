package dev.kassa.pos.sim;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.pos.checkout.CartLine;
import dev.kassa.pos.checkout.CheckoutRequest;
import dev.kassa.pos.checkout.CheckoutResult;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One headless till making realistic random sales through the same checkout the cashier uses:
 * one to six lines from the pulled catalog (weighed goods by the gram), a loyalty card from the
 * shared set on most sales, points paid on some, card or cash, and now and then a whole return of
 * an earlier sale. It never waits for the server: the sync agent catches up on its own thread.
 */
final class SimulatedTerminal {
  private final TerminalRuntime runtime;
  private final SplittableRandom random;
  private final List<Product> products;
  private final List<String> cards;
  private final List<CheckoutResult> returnable = new ArrayList<>();
  private final List<LedgerEntry> entries = new ArrayList<>();
  private final List<UUID> saleIds = new ArrayList<>();
  private long sales;
  private long returns;
  private long online;
  private long offline;

  SimulatedTerminal(TerminalRuntime runtime, long seed, List<Product> products, List<String> cards) {
    this.runtime = requireNonNull(runtime, "runtime == null");
    this.random = new SplittableRandom(seed);
    this.products = List.copyOf(products);
    this.cards = List.copyOf(cards);
    if (this.products.isEmpty()) {
      throw new IllegalArgumentException("no products to sell");
    }
  }

  List<String> cards() {
    return cards;
  }

  TerminalRuntime runtime() {
    return runtime;
  }

  /** Makes one sale, or one return in about one case in twenty. */
  void step() {
    if (!returnable.isEmpty() && random.nextInt(20) == 0) {
      CheckoutResult original = returnable.remove(random.nextInt(returnable.size()));
      entries.addAll(runtime.returns().returnAll(original, "sim-cashier", "customer changed their mind").entries());
      returns++;
    } else {
      CheckoutResult result = runtime.checkout().checkout(request());
      sales++;
      saleIds.add(result.sale().id());
      entries.addAll(result.entries());
      switch (result.redemption()) {
        case ONLINE -> online++;
        case OFFLINE -> offline++;
        case NONE -> { }
      }
      if (random.nextInt(4) == 0) {
        returnable.add(result);
      }
    }
    runtime.agent().syncSoon();
  }

  private CheckoutRequest request() {
    List<CartLine> lines = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      Product product = products.get(random.nextInt(products.size()));
      Quantity quantity = product.soldByWeight() ? Quantity.grams(150 + random.nextInt(1850))
          : Quantity.pieces(1 + random.nextInt(3));
      lines.add(new CartLine(product, quantity, product.barcodes().isEmpty() ? null : product.barcodes().get(0)));
    }
    String card = cards.isEmpty() || random.nextInt(10) < 3 ? null : cards.get(random.nextInt(cards.size()));
    long points = card != null && random.nextInt(3) == 0 ? 50 + random.nextInt(600) : 0;
    PaymentMethod rest = random.nextBoolean() ? PaymentMethod.CARD : PaymentMethod.CASH;
    return new CheckoutRequest("sim-cashier", lines, card, points, rest);
  }

  /** Every points entry this terminal committed, for checks against the server. */
  List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }

  /** The id of every sale this terminal committed (returns not included), in order. */
  List<UUID> saleIds() {
    return List.copyOf(saleIds);
  }

  TerminalReport report() {
    return new TerminalReport(runtime.profile().terminalId(), sales, returns, online, offline,
        runtime.ledger().outbox().pendingCount("Sale"));
  }

  static boolean sellable(Product product) {
    return product.price().isPositive();
  }
}
