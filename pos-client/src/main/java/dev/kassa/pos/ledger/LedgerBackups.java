package dev.kassa.pos.ledger;

import dev.kassa.pos.ledger.store.LedgerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backups of the ledger file in {@code dataDir/backups}, made with SQLite's online backup API so
 * they are consistent while the till sells. Named by UTC time so that name order is age order;
 * written under a temporary name and moved into place, so a crash never leaves half a backup
 * looking like a good one.
 */
public final class LedgerBackups {
  static final String DIRECTORY = "backups";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
      .withZone(ZoneOffset.UTC);

  private LedgerBackups() {}

  static Path take(LedgerStore store, Path dataDir, Instant now, int keep) {
    try {
      Path dir = Files.createDirectories(dataDir.resolve(DIRECTORY));
      Path target = dir.resolve("ledger-" + NAME.format(now) + ".db");
      Path partial = dir.resolve(target.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      store.backupTo(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      List<Path> all = list(dataDir);
      for (int i = 0; i < all.size() - keep; i++) {
        Files.deleteIfExists(all.get(i));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The finished backups, oldest first. */
  public static List<Path> list(Path dataDir) throws IOException {
    Path dir = dataDir.resolve(DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("ledger-.*\\.db")).sorted().toList();
    }
  }
}
