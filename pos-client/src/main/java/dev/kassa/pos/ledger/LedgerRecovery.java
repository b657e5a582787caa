package dev.kassa.pos.ledger;

import dev.kassa.model.sync.ChainHead;
import dev.kassa.pos.ledger.store.LedgerStore;
import dev.kassa.pos.ledger.store.TerminalRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a terminal with a damaged ledger back to selling: the damaged file (with its WAL) is
 * moved aside under a new name, never overwritten or deleted, for a specialist to salvage; the
 * newest backup that passes SQLite's checks takes its place. Sales made after that backup are
 * missing locally: those already synced are safe on the server, and
 * {@link TerminalLedger#skipReceiptsTo} continues the receipt numbers after the server's last one.
 */
public final class LedgerRecovery {
  private static final Logger log = LoggerFactory.getLogger(LedgerRecovery.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private LedgerRecovery() {}

  /** What a restore did. {@code keptAs} is null when there was no file left to keep. */
  public record Restored(Path keptAs, Path backup, long lastReceiptNo, ChainHead chainHead) {}

  /**
   * Restores the newest usable backup. Refuses when the current file is sound, unless
   * {@code force}: a restore throws away every sale made since the backup.
   */
  public static Restored restoreLatestBackup(Path dataDir, boolean force) {
    Path file = dataDir.resolve("ledger.db");
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      if (!force && Files.exists(file) && isSound(file)) {
        throw new IllegalStateException("the ledger at " + file + " is not damaged; nothing to restore");
      }
      Path keptAs = Files.exists(file) ? moveAside(file, Instant.now()) : null;
      List<Path> backups = new ArrayList<>(LedgerBackups.list(dataDir));
      Collections.reverse(backups);
      for (Path backup : backups) {
        Restored restored = tryRestore(dataDir, file, backup, keptAs);
        if (restored != null) {
          return restored;
        }
      }
      throw new LedgerStorageException("no usable backup in " + dataDir.resolve(LedgerBackups.DIRECTORY)
          + (keptAs == null ? "" : "; the damaged file is kept as " + keptAs), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSound(Path file) {
    try (LedgerStore store = LedgerStore.open(file)) {
      return store.integrityCheck().equals(List.of("ok"));
    } catch (LedgerCorruptException e) {
      return false;
    }
  }

  private static Restored tryRestore(Path dataDir, Path file, Path backup, Path keptAs) throws IOException {
    Path candidate = dataDir.resolve("ledger.db.restoring");
    Files.copy(backup, candidate, StandardCopyOption.REPLACE_EXISTING);
    TerminalRow row;
    ChainHead head;
    try (LedgerStore store = LedgerStore.open(candidate)) {
      if (!store.integrityCheck().equals(List.of("ok"))) {
        throw new LedgerCorruptException(candidate, "integrity check failed", null);
      }
      row = store.terminal();
      head = store.chainHead();
    } catch (LedgerCorruptException e) {
      log.warn("backup {} is damaged too, trying an older one", backup);
      Files.deleteIfExists(candidate);
      return null;
    }
    Files.move(candidate, file, StandardCopyOption.ATOMIC_MOVE);
    log.warn("ledger restored from {}; the damaged file is kept as {}", backup, keptAs);
    return new Restored(keptAs, backup, row == null ? 0 : row.lastReceiptNo(), head);
  }

  /** Moves the file and its WAL and shared-memory files to new names; a stale WAL must never meet the restored file. */
  private static Path moveAside(Path file, Instant now) throws IOException {
    String base = file.getFileName() + ".corrupt-" + STAMP.format(now);
    Path target = file.resolveSibling(base);
    for (int i = 1; Files.exists(target); i++) {
      target = file.resolveSibling(base + "-" + i);
    }
    for (String suffix : List.of("-wal", "-shm")) {
      Path side = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(side)) {
        Files.move(side, target.resolveSibling(target.getFileName() + suffix));
      }
    }
    Files.move(file, target);
    return target;
  }
}
