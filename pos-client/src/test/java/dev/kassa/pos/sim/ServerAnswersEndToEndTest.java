package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.sync.FaultPlan;
import dev.kassa.pos.sync.FaultProxy;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.sync.SyncState;
import dev.kassa.pos.terminal.StatusCommand;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * A terminal against the real server whose answers go bad: 500, 503 with Retry-After, garbage, and
 * a revoked token. The terminal keeps selling through all of them, says what is wrong, loses
 * nothing, and catches up when the server is well again.
 */
class ServerAnswersEndToEndTest {
  @TempDir Path dir;
  private ServerHarness server;
  private FaultProxy proxy;
  private AdminClient admin;
  private Simulation simulation;
  private TerminalRuntime terminal;

  @BeforeEach
  void start() throws Exception {
    server = ServerHarness.start(dir.resolve("server"));
    proxy = new FaultProxy(URI.create(server.url()), FaultPlan.none());
    admin = server.admin();
    SyncSettings sync = new SyncSettings(50, 256 << 10, 500, Duration.ofMillis(100), Duration.ofMillis(50),
        Duration.ofMillis(500));
    simulation = Simulation.start(new Simulation.Setup(proxy.uri().toString(), dir.resolve("terminals"), 1, 7, sync,
        i -> Clock.systemUTC()), admin, Duration.ofSeconds(30));
    terminal = simulation.runtimes().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    simulation.close();
    proxy.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      500 Internal Server Error | 500 | '' | {"title":"boom"}
      503 with Retry-After      | 503 | 1  | {"title":"busy"}
      HTML garbage with 200     | 200 | '' | <html><body>Proxy login</body></html>
      """)
  void keepsSellingThroughABadServerAndCatchesUpWhenItIsWell(String name, int status, String retryAfter, String body) {
    simulation.sell(5);
    awaitAllSynced();
    proxy.answerWith(status, retryAfter.isEmpty() ? Map.of("Content-Type", "text/html")
        : Map.of("Content-Type", "application/problem+json", "Retry-After", retryAfter), body);

    simulation.sell(20);
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> terminal.syncState().connection() == SyncState.Connection.OFFLINE);
    assertThat(terminal.syncState().problem()).isNotBlank();
    assertThat(terminal.ledger().outbox().pendingCount("Sale")).isPositive();

    proxy.forwardToServer();
    awaitAllSynced();
    assertThat(admin.salesPerTerminal().get(terminal.profile().terminalId()))
        .isEqualTo(simulation.reports().get(0).salesMade());
  }

  @Test
  void aRevokedTerminalSellsOfflineSaysNotAuthorizedAndCatchesUpAfterReEnrolment() throws Exception {
    String id = terminal.profile().terminalId();
    Path token = dir.resolve("terminals/terminal-1/terminal.token");
    assertThat(java.nio.file.Files.getPosixFilePermissions(token)).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    admin.revoke(id);

    simulation.sell(15);
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> terminal.syncState().connection() == SyncState.Connection.NOT_AUTHORIZED);
    assertThat(terminal.ledger().outbox().pendingCount("Sale")).isPositive();
    assertThat(status()).contains("NOT_AUTHORIZED").containsPattern("events waiting  [1-9]");

    terminal.reenrol(admin.newEnrollmentCode(id));

    awaitAllSynced();
    assertThat(terminal.syncState().connection()).isEqualTo(SyncState.Connection.ONLINE);
    assertThat(admin.salesPerTerminal().get(id)).isEqualTo(simulation.reports().get(0).salesMade());
    assertThat(status()).contains("ONLINE").contains("events waiting  0").contains("oldest unsynced none");
  }

  private void awaitAllSynced() {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> terminal.ledger().outbox().pendingCount() == 0
        && terminal.syncState().connection() == SyncState.Connection.ONLINE);
  }

  private String status() {
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new StatusCommand()).setOut(new PrintWriter(out, true))
        .execute("--data-dir", dir.resolve("terminals/terminal-1").toString());
    assertThat(exit).isZero();
    return out.toString();
  }
}
