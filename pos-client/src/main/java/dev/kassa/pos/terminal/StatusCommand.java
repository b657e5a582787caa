package dev.kassa.pos.terminal;

import dev.kassa.pos.ledger.LedgerException;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.SyncState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kassa status}: what a manager needs to know about a till's sync, read from its data
 * directory (the till may be running): online or offline at its last attempt, events waiting, the
 * age of the oldest unsynced sale, the last successful sync and the open conflicts. Exit 0 when the
 * till is enrolled and its ledger readable, 2 otherwise.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show a terminal's sync state: online/offline, events waiting, oldest unsynced sale, conflicts.")
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", description = "Terminal data directory.",
      defaultValue = "${env:KASSA_POS_DATA_DIR:-data/pos}")
  Path dataDir;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<TerminalProfile> profile = TerminalProfile.read(dataDir);
    if (profile.isEmpty()) {
      err.println("not enrolled: no terminal in " + dataDir);
      return 2;
    }
    Optional<SyncState> last = SyncStateFile.read(dataDir);
    try (TerminalLedger ledger = TerminalLedger.openExisting(dataDir)) {
      Instant now = clock.instant();
      Instant oldest = ledger.outbox().oldestPendingSale();
      out.printf("terminal        %s (store %s) -> %s%n", profile.get().terminalId(), profile.get().storeId(),
          profile.get().serverUrl());
      out.printf("connection      %s%n", last.map(s -> s.connection().name()).orElse("UNKNOWN (never synced)"));
      out.printf("events waiting  %d%n", ledger.outbox().pendingCount());
      out.printf("oldest unsynced %s%n", oldest == null ? "none" : age(Duration.between(oldest, now)) + " (" + oldest + ")");
      out.printf("last sync       %s%n", last.map(SyncState::lastSuccess).map(Instant::toString).orElse("never"));
      out.printf("open conflicts  %d%n", ledger.feeds().openConflicts());
      last.map(SyncState::problem).ifPresent(problem -> out.printf("problem         %s%n", problem));
      return 0;
    } catch (LedgerException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static String age(Duration d) {
    return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
        : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
  }
}
