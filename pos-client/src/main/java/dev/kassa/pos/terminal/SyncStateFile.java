package dev.kassa.pos.terminal;

import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.sync.SyncState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync agent's latest state in {@code sync-state.json}, so that {@code kassa status} can tell
 * from another process whether the running till was online at its last attempt. Written after
 * every sync cycle, whole (temp file and move); a failure to write is logged, never fatal.
 */
public final class SyncStateFile {
  static final String FILE = "sync-state.json";
  private static final Logger log = LoggerFactory.getLogger(SyncStateFile.class);

  private SyncStateFile() {}

  static void write(Path dataDir, SyncState state) {
    try {
      Path temp = dataDir.resolve(FILE + ".tmp");
      Files.write(temp, SyncCodec.canonicalBytes(state));
      Files.move(temp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot record the sync state in {}: {}", dataDir, e.toString());
    }
  }

  /** The last recorded state, or empty when the till never ran a sync cycle here. */
  public static Optional<SyncState> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SyncCodec.fromJson(Files.readAllBytes(file), SyncState.class));
    } catch (IOException | RuntimeException e) {
      log.warn("unreadable {}: {}", file, e.toString());
      return Optional.empty();
    }
  }
}
