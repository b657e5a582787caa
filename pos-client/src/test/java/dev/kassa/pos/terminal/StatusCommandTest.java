package dev.kassa.pos.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.ledger.LedgerConfig;
import dev.kassa.pos.ledger.Sales;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.SyncState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kassa status} over a data directory prepared as a till would leave it: every line it prints. */
class StatusCommandTest {
  private static final Instant SOLD_AT = Instant.parse("2026-11-30T08:15:00Z");
  private static final Instant LAST_SYNC = Instant.parse("2026-11-30T08:10:30Z");
  private static final TerminalProfile PROFILE = new TerminalProfile("https://kassa.example", Sales.TERMINAL.storeId(),
      "Shop 1", Sales.TERMINAL.terminalId(), "Europe/Moscow", "RUB");

  @TempDir Path dataDir;

  private record Run(int exit, String out, String err) {}

  private Run status(Instant now) {
    StatusCommand command = new StatusCommand();
    command.clock = Clock.fixed(now, ZoneOffset.UTC);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute("--data-dir", dataDir.toString());
    return new Run(exit, out.toString(), err.toString());
  }

  /** An enrolled till that sold two cash sales offline at {@link #SOLD_AT} and holds two conflicts, one open. */
  private void prepareOfflineTill() throws IOException {
    PROFILE.write(dataDir);
    try (TerminalLedger ledger = TerminalLedger.open(LedgerConfig.of(dataDir, Sales.TERMINAL)
        .withClock(Clock.fixed(SOLD_AT, ZoneOffset.UTC)))) {
      ledger.openShift("cashier-1", Sales.rub(0));
      ledger.completeSale(Sales.cash(2));
      ledger.completeSale(Sales.cash(1));
      ledger.feeds().apply(new PullResponse(1, Stream.CONFLICTS, "x1", false, false, List.of(
          new Change("conflict", "c1", false, SyncCodec.mapper().createObjectNode().put("status", "OPEN")),
          new Change("conflict", "c2", false, SyncCodec.mapper().createObjectNode().put("status", "RESOLVED")))));
    }
    SyncStateFile.write(dataDir, new SyncState(SyncState.Connection.OFFLINE, 3, SOLD_AT, LAST_SYNC, 1, false,
        "server unreachable: connection refused"));
  }

  @Test
  void showsEveryFieldOfATillThatSoldOfflineAfterItsLastSync() throws IOException {
    prepareOfflineTill();

    Run run = status(SOLD_AT.plus(Duration.ofHours(2).plusMinutes(5).plusSeconds(7)));

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "terminal        till-1 (store store-1) -> https://kassa.example",
        "connection      OFFLINE",
        "events waiting  3",
        "oldest unsynced 2 h 5 min (2026-11-30T08:15:00Z)",
        "last sync       2026-11-30T08:10:30Z",
        "open conflicts  1",
        "problem         server unreachable: connection refused");
  }

  @Test
  void aYoungUnsyncedSaleIsAgedInMinutesAndSeconds() throws IOException {
    prepareOfflineTill();

    assertThat(status(SOLD_AT.plusSeconds(4 * 60 + 9)).out()).contains("oldest unsynced 4 min 9 s (");
    assertThat(status(SOLD_AT.plusSeconds(42)).out()).contains("oldest unsynced 42 s (");
  }

  @Test
  void aTillThatNeverSyncedSaysSoAndHasNothingOld() throws IOException {
    PROFILE.write(dataDir);
    TerminalLedger.open(LedgerConfig.of(dataDir, Sales.TERMINAL)).close();

    Run run = status(SOLD_AT);

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "terminal        till-1 (store store-1) -> https://kassa.example",
        "connection      UNKNOWN (never synced)",
        "events waiting  0",
        "oldest unsynced none",
        "last sync       never",
        "open conflicts  0");
  }

  @Test
  void aDirectoryWithoutATerminalIsNotEnrolledAndExitsTwo() {
    Run run = status(SOLD_AT);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("not enrolled: no terminal in " + dataDir);
  }
}
