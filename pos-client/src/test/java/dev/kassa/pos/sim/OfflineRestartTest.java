package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.money.Money;
import dev.kassa.pos.checkout.CheckoutResult;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.sync.SyncState;
import dev.kassa.pos.terminal.StatusCommand;
import dev.kassa.pos.terminal.SyncStateFile;
import dev.kassa.pos.terminal.TerminalConfig;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Tills restarted while the server is down: they keep what they knew of it (when they last synced,
 * how far its clock is from theirs), and tills whose clocks are two hours off that sell before they
 * have ever taken the server's time still end up ordered, received and counted right.
 */
class OfflineRestartTest {
  private static final Duration SKEW = Duration.ofHours(2);
  private static final SyncSettings SYNC = new SyncSettings(50, 256 << 10, 500, Duration.ofMillis(100),
      Duration.ofMillis(50), Duration.ofMillis(500));

  @TempDir Path dir;
  private ServerHarness server;
  private AdminClient admin;

  @BeforeEach
  void start() {
    server = ServerHarness.start(dir.resolve("server"));
    admin = server.admin();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aTillRestartedWhileTheServerIsDownStillShowsWhenItLastSynced() {
    Path data = enrolAndSync("till", Clock.systemUTC());
    Instant lastSync = SyncStateFile.read(data).orElseThrow().lastSuccess();
    assertThat(lastSync).isNotNull();
    server.stop();

    try (TerminalRuntime till = restart(data, Clock.systemUTC())) {
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> till.syncState().problem() != null
          && SyncStateFile.read(data).map(SyncState::connection).orElse(null) == SyncState.Connection.OFFLINE);

      assertThat(till.syncState().lastSuccess()).isEqualTo(lastSync);
      assertThat(status(data)).contains("OFFLINE").contains("last sync       " + lastSync);
    }
  }

  @Test
  void tillsHoursOffThatSellBeforeTheyHaveTheServersTimeAreOrderedReceivedAndCountedRight() throws Exception {
    Path fastDir = enrolAndSync("fast", Clock.systemUTC());
    Path slowDir = enrolAndSync("slow", Clock.systemUTC());
    List<LedgerEntry> all = new ArrayList<>(ExpectedLoyalty.opening(admin.cardBalances()));
    server.stop();
    // the clocks went wrong while the tills were off (a flat CMOS battery, a manual change): they
    // have never compared these clocks with the server's
    Clock fastClock = Clock.offset(Clock.systemUTC(), SKEW);
    Clock slowClock = Clock.offset(Clock.systemUTC(), SKEW.negated());

    try (TerminalRuntime fast = restart(fastDir, fastClock); TerminalRuntime slow = restart(slowDir, slowClock)) {
      String card = fast.ledger().feeds().keys("card").get(0);
      long known = slow.ledger().cardPosition(card).confirmedBalance();
      List<CheckoutResult> offline = new ArrayList<>();
      offline.add(fast.checkout().checkout(ClockSkewTest.buy(fast, card, 0)));
      offline.add(slow.checkout().checkout(ClockSkewTest.buy(slow, card, known)));
      offline.add(fast.checkout().checkout(ClockSkewTest.buy(fast, card, known)));
      offline.add(slow.checkout().checkout(ClockSkewTest.buy(slow, card, 0)));
      offline.forEach(r -> all.addAll(r.entries()));

      // before the server's time they stamp by their own clocks, as the tills know nothing better;
      // the hybrid clock never goes back, so the slow till's stamps still follow its earlier ones
      assertThat(offline.get(0).sale().createdAt()).isCloseTo(Instant.now().plus(SKEW), within());
      assertThat(offline.get(1).sale().createdAt()).isCloseTo(Instant.now().minus(SKEW), within());
      assertThat(hlcOf(offline.get(3)).instant()).isCloseTo(Instant.now(), within());

      server.startAgain();
      awaitSynced(fast);
      awaitSynced(slow);

      for (TerminalRuntime till : List.of(fast, slow)) {
        assertThat(admin.salesPerTerminal().get(till.profile().terminalId())).isEqualTo(2L);
        assertThat(serverReceiveTimes(till.profile().terminalId()))
            .as("the server's receive time is its own, whatever the till's clock said").hasSize(2)
            .allSatisfy(received -> assertThat(received).isCloseTo(Instant.now(), within()));
        CheckoutResult after = till.checkout().checkout(ClockSkewTest.buy(till, card, 0));
        all.addAll(after.entries());
        assertThat(after.sale().createdAt()).as("stamped by the server's time once the till has it")
            .isCloseTo(Instant.now(), within());
        // after its own offline sales, whatever its clock did; not necessarily after the other
        // till's: the server does not move its clock to a stamp hours ahead, so the fast till's
        // offline sales sort up to two hours late, on the server as on every till
        for (CheckoutResult before : offline) {
          if (before.sale().terminalId().equals(till.profile().terminalId())) {
            assertThat(hlcOf(after)).isGreaterThan(hlcOf(before));
          }
        }
      }
      awaitSynced(fast);
      awaitSynced(slow);
    }

    ExpectedLoyalty expected = new ExpectedLoyalty(all);
    Set<UUID> recorded = admin.conflicts().stream()
        .filter(c -> !c.path("status").asText().equals("RETRACTED"))
        .map(c -> UUID.fromString(c.path("triggerEntry").asText())).collect(Collectors.toSet());
    assertThat(recorded).as("overdrafts as the hybrid-clock order makes them").isEqualTo(expected.overdraftTriggers());
    expected.balances().forEach((c, b) -> assertThat(admin.cardBalances().get(c)).as(c).isEqualTo(b));
  }

  /** Restarted offline after it has met the server, a till whose clock is off sells by the server's time at once. */
  @Test
  void aTillRestartedOfflineKeepsTheServersTime() {
    Clock fastClock = Clock.offset(Clock.systemUTC(), SKEW);
    Path data = enrolAndSync("fast", fastClock);
    server.stop();

    try (TerminalRuntime till = restart(data, fastClock)) {
      CheckoutResult sale = till.checkout().checkout(ClockSkewTest.buy(till, null, 0));

      assertThat(sale.sale().createdAt()).isCloseTo(Instant.now(), within());
      assertThat(till.syncState().lastSuccess()).isNotNull();
    }
  }

  private Path enrolAndSync(String name, Clock clock) {
    Path data = dir.resolve(name);
    String code = admin.createTerminal(admin.firstStore(), name + "-" + Long.toHexString(System.nanoTime()));
    try (TerminalRuntime till = TerminalRuntime.start(config(data, code, clock))) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> till.syncState().lastSuccess() != null
          && !till.ledger().feeds().keys("product").isEmpty() && till.ledger().feeds().latestProgram().isPresent());
      till.ledger().openShift("cashier", Money.zero(till.profile().storeCurrency()));
      awaitSynced(till);
    }
    return data;
  }

  private TerminalRuntime restart(Path data, Clock clock) {
    return TerminalRuntime.start(config(data, null, clock));
  }

  private TerminalConfig config(Path data, String code, Clock clock) {
    return new TerminalConfig(data, server.url(), code, HttpsOptions.systemDefaults(), SYNC, clock);
  }

  private static void awaitSynced(TerminalRuntime till) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> till.ledger().outbox().pendingCount() == 0
        && till.syncState().connection() == SyncState.Connection.ONLINE);
  }

  private static dev.kassa.model.id.Hlc hlcOf(CheckoutResult result) {
    return result.entries().stream().map(LedgerEntry::hlc).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** When the server took each sale of {@code terminalId}, read from its own file (no API says it). */
  private List<Instant> serverReceiveTimes(String terminalId) throws Exception {
    Path db;
    try (Stream<Path> files = Files.walk(dir.resolve("server"))) {
      db = files.filter(f -> f.getFileName().toString().endsWith(".db")).findFirst().orElseThrow();
    }
    List<Instant> received = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement st = c.prepareStatement(
            "SELECT received_at FROM sync_events WHERE terminal_id = ? AND kind = 'sale'")) {
      st.setString(1, terminalId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          received.add(Instant.ofEpochMilli(rs.getLong(1)));
        }
      }
    }
    return received;
  }

  private static String status(Path data) {
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new StatusCommand()).setOut(new PrintWriter(out, true))
        .execute("--data-dir", data.toString());
    assertThat(exit).isZero();
    return out.toString();
  }

  private static TemporalUnitWithinOffset within() {
    return new TemporalUnitWithinOffset(60, ChronoUnit.SECONDS);
  }
}
