package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.pos.checkout.CartLine;
import dev.kassa.pos.checkout.CheckoutRequest;
import dev.kassa.pos.checkout.CheckoutResult;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tills whose clocks are two hours fast and two hours slow, against the real server. They take
 * the server's time at their first sync, so their sales are stamped, ordered, given expiry and
 * counted in reports by the right time; a redemption made after seeing another till's accrual is
 * ordered after it, and no false overdraft appears.
 */
class ClockSkewTest {
  private static final Duration SKEW = Duration.ofHours(2);
  private static final Duration CLOSE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void tillsHoursOffStampOrderExpireAndReportByTheServersTime() {
    SyncSettings sync = new SyncSettings(50, 256 << 10, 500, Duration.ofMillis(100), Duration.ofMillis(50),
        Duration.ofMillis(500));
    try (ServerHarness server = ServerHarness.start(dir.resolve("server"))) {
      AdminClient admin = server.admin();
      Simulation.Setup setup = new Simulation.Setup(server.url(), dir.resolve("terminals"), 2, 11, sync,
          i -> Clock.offset(Clock.systemUTC(), i == 0 ? SKEW : SKEW.negated()));
      try (Simulation simulation = Simulation.start(setup, admin, Duration.ofSeconds(60))) {
        List<LedgerEntry> opening = ExpectedLoyalty.opening(admin.cardBalances());
        TerminalRuntime fast = simulation.runtimes().get(0);
        TerminalRuntime slow = simulation.runtimes().get(1);
        for (TerminalRuntime till : simulation.runtimes()) {
          assertThat(till.ledger().hybridClock().now().instant()).isCloseTo(Instant.now(), within());
        }

        String card = simulation.sharedCards().iterator().next();
        CheckoutResult earned = fast.checkout().checkout(buy(fast, card, 0));
        long credited = earned.sale().loyalty().pointsEarned();
        assertThat(credited).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> fast.ledger().outbox().pendingCount() == 0
            && fast.ledger().cardPosition(card).unconfirmedEarned() == 0);
        long confirmed = fast.ledger().cardPosition(card).confirmedBalance();
        assertThat(confirmed).isGreaterThanOrEqualTo(credited);
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> slow.ledger().cardPosition(card).confirmedBalance() == confirmed);
        CheckoutResult spent = slow.checkout().checkout(buy(slow, card, confirmed));

        assertThat(spent.sale().loyalty().pointsRedeemed()).isPositive();
        LedgerEntry earn = earned.entries().stream().filter(e -> e.type() == EntryType.EARN).findFirst().orElseThrow();
        LedgerEntry redeem = spent.entries().stream().filter(e -> e.type() == EntryType.REDEEM).findFirst().orElseThrow();
        assertThat(redeem.hlc()).as("a redemption after seeing the accrual is ordered after it").isGreaterThan(earn.hlc());
        assertThat(earn.expiresAt()).isEqualTo(earn.hlc().instant().plus(Duration.ofDays(365)));
        assertThat(earn.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofDays(365)), within());
        assertThat(spent.sale().createdAt()).isCloseTo(Instant.now(), within());

        simulation.sell(60);
        assertThat(simulation.finish(Duration.ofSeconds(60))).isTrue();
        Map<String, Long> held = admin.salesPerTerminal();
        for (TerminalRuntime till : simulation.runtimes()) {
          long made = simulation.reports().stream().filter(r -> r.terminalId().equals(till.profile().terminalId()))
              .findFirst().orElseThrow().salesMade() + 1;
          assertThat(held.get(till.profile().terminalId())).isEqualTo(made);
          assertThat(till.ledger().xReport().totals().salesCount()).isEqualTo(made);
          assertThat(till.ledger().xReport().openedAt()).isCloseTo(Instant.now(), within());
        }
        List<LedgerEntry> all = new java.util.ArrayList<>(simulation.entries());
        all.addAll(earned.entries());
        all.addAll(spent.entries());
        all.addAll(opening);
        ExpectedLoyalty expected = new ExpectedLoyalty(all);
        Set<UUID> recorded = admin.conflicts().stream()
            .filter(c -> !c.path("status").asText().equals("RETRACTED"))
            .map(c -> UUID.fromString(c.path("triggerEntry").asText())).collect(Collectors.toSet());
        assertThat(recorded).isEqualTo(expected.overdraftTriggers());
        Map<String, Long> balances = admin.cardBalances();
        expected.balances().forEach((c, b) -> assertThat(balances.get(c)).as(c).isEqualTo(b));
      }
    }
  }

  private static org.assertj.core.data.TemporalUnitOffset within() {
    return new org.assertj.core.data.TemporalUnitWithinOffset(CLOSE.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
  }

  /** A sale of ten of the first plain product over 500 RUB the till knows, paid by card. */
  static CheckoutRequest buy(TerminalRuntime till, String card, long points) {
    Product product = till.ledger().feeds().keys("product").stream().map(sku -> till.ledger().feeds().product(sku)
        .orElseThrow()).filter(p -> !p.soldByWeight() && p.flags().isEmpty() && p.price().minor() >= 50_000
            && !Set.of("tobacco", "alcohol").contains(p.categoryId())).findFirst().orElseThrow();
    return new CheckoutRequest("cashier", List.of(new CartLine(product, Quantity.pieces(10), null)), card, points,
        PaymentMethod.CARD);
  }
}
