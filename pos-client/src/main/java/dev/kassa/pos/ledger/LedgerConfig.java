package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where a terminal's ledger lives and how it behaves. {@code maxSizeBytes} caps the file (0: no
 * cap; reaching it is reported like a full disk); {@code backupsKept} is how many backups of the
 * file stay in {@code dataDir/backups}.
 */
public record LedgerConfig(Path dataDir, TerminalIdentity identity, Clock clock, long maxSizeBytes, int backupsKept) {
  public LedgerConfig {
    requireNonNull(dataDir, "dataDir == null");
    requireNonNull(identity, "identity == null");
    requireNonNull(clock, "clock == null");
    if (maxSizeBytes < 0) {
      throw new IllegalArgumentException("maxSizeBytes < 0: " + maxSizeBytes);
    }
    if (backupsKept < 1) {
      throw new IllegalArgumentException("backupsKept < 1: " + backupsKept);
    }
  }

  public static LedgerConfig of(Path dataDir, TerminalIdentity identity) {
    return new LedgerConfig(dataDir, identity, Clock.systemUTC(), 0, 3);
  }

  public LedgerConfig withClock(Clock clock) {
    return new LedgerConfig(dataDir, identity, clock, maxSizeBytes, backupsKept);
  }

  public LedgerConfig withMaxSize(long bytes) {
    return new LedgerConfig(dataDir, identity, clock, bytes, backupsKept);
  }

  public Path file() {
    return dataDir.resolve("ledger.db");
  }
}
