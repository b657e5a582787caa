package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.pos.checkout.CartLine;
import dev.kassa.pos.checkout.CheckoutRequest;
import dev.kassa.pos.checkout.CheckoutResult;
import dev.kassa.pos.ledger.CardPosition;
import dev.kassa.pos.ledger.store.FeedRows;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till and the real server tier a card alike: once the till has the card's state from the cards
 * feed, a card whose year of spend reaches gold (demo program) earns at gold on the till, and the
 * server's recompute of the sale with the card's full history finds no difference.
 */
class TierEndToEndTest {
  /** Over the demo program's gold threshold of 50,000.00 RUB. */
  private static final long GOLD_SPEND = 5_500_000;

  @TempDir Path dir;
  private ServerHarness server;
  private AdminClient admin;
  private Simulation simulation;
  private TerminalRuntime terminal;

  @BeforeEach
  void start() {
    server = ServerHarness.start(dir.resolve("server"));
    admin = server.admin();
    SyncSettings sync = new SyncSettings(50, 256 << 10, 500, Duration.ofMillis(100), Duration.ofMillis(50),
        Duration.ofMillis(500));
    simulation = Simulation.start(new Simulation.Setup(server.url(), dir.resolve("terminals"), 1, 11, sync,
        i -> Clock.systemUTC()), admin, Duration.ofSeconds(30));
    terminal = simulation.runtimes().get(0);
  }

  @AfterEach
  void stop() {
    simulation.close();
    server.close();
  }

  @Test
  void aGoldCardEarnsAtGoldOnTheTillAndTheServerFindsNoMismatch() {
    FeedRows feeds = terminal.ledger().feeds();
    String card = feeds.keys("card").get(0);
    Product dear = feeds.keys("product").stream().map(sku -> feeds.product(sku).orElseThrow())
        .filter(p -> p.price().isPositive() && !p.soldByWeight())
        .max(Comparator.comparingLong(p -> p.price().minor())).orElseThrow();

    CheckoutResult first = sell(card, dear, GOLD_SPEND / dear.price().minor() + 1);
    // the server has the sale and the till has the card's state published after it
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
      terminal.agent().syncSoon();
      CardPosition position = terminal.ledger().cardPosition(card);
      return terminal.ledger().outbox().pendingCount() == 0 && position.unconfirmedEarned() == 0;
    });
    CheckoutResult gold = sell(card, dear, 1);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
      terminal.agent().syncSoon();
      return terminal.ledger().outbox().pendingCount() == 0;
    });

    assertThat(first.sale().loyalty().tier()).isNotEqualTo("gold");
    assertThat(terminal.ledger().cardPosition(card).spend12m())
        .isGreaterThanOrEqualTo(first.sale().total().minor() + gold.sale().total().minor());
    assertThat(gold.sale().loyalty().tier()).isEqualTo("gold");
    assertThat(admin.salesPerTerminal().get(terminal.profile().terminalId())).isEqualTo(2);
    assertThat(admin.mismatches()).isEmpty();
  }

  private CheckoutResult sell(String card, Product product, long pieces) {
    String barcode = product.barcodes().isEmpty() ? null : product.barcodes().get(0);
    return terminal.checkout().checkout(new CheckoutRequest("sim-cashier",
        List.of(new CartLine(product, Quantity.pieces(pieces), barcode)), card, 0, PaymentMethod.CARD));
  }
}
