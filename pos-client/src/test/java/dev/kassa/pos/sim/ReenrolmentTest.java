package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.pos.checkout.CartLine;
import dev.kassa.pos.checkout.CheckoutRequest;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.sync.SyncState;
import dev.kassa.pos.terminal.TerminalConfig;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-enrolment with the production-sized backoff rather than the half second the other end-to-end
 * tests use: the refused token put the agent into a backoff of up to an hour, and the new token
 * must not wait for it.
 */
class ReenrolmentTest {
  private static final SyncSettings HOUR_LONG_BACKOFF = new SyncSettings(50, 256 << 10, 500, Duration.ofMillis(100),
      Duration.ofHours(1), Duration.ofHours(1));

  @TempDir Path dir;

  @Test
  void aReEnrolledTillSyncsAtOnceWhateverItsBackoff() {
    try (ServerHarness server = ServerHarness.start(dir.resolve("server"))) {
      AdminClient admin = server.admin();
      String id = "till-" + Long.toHexString(System.nanoTime());
      String code = admin.createTerminal(admin.firstStore(), id);
      try (TerminalRuntime till = TerminalRuntime.start(new TerminalConfig(dir.resolve("till"), server.url(), code,
          HttpsOptions.systemDefaults(), HOUR_LONG_BACKOFF, Clock.systemUTC()))) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> till.syncState().lastSuccess() != null
            && !till.ledger().feeds().keys("product").isEmpty());
        till.ledger().openShift("cashier", Money.zero(till.profile().storeCurrency()));
        admin.revoke(id);
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> till.syncState().connection() == SyncState.Connection.NOT_AUTHORIZED);
        till.checkout().checkout(sale(till));

        till.reenrol(admin.newEnrollmentCode(id));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> till.ledger().outbox().pendingCount() == 0
            && till.syncState().connection() == SyncState.Connection.ONLINE);
        assertThat(admin.salesPerTerminal().get(id)).isEqualTo(1L);
      }
    }
  }

  private static CheckoutRequest sale(TerminalRuntime till) {
    Product product = till.ledger().feeds().keys("product").stream().map(sku -> till.ledger().feeds().product(sku)
        .orElseThrow()).filter(p -> !p.soldByWeight() && p.flags().isEmpty()).findFirst().orElseThrow();
    return new CheckoutRequest("cashier", List.of(new CartLine(product, Quantity.pieces(1), null)), null, 0,
        PaymentMethod.CASH);
  }
}
