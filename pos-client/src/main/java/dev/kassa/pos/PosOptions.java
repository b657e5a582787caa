package dev.kassa.pos;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** What the cashier app was started with. */
public record PosOptions(Path dataDir, String serverUrl, boolean demo) {
  public PosOptions {
    requireNonNull(dataDir, "dataDir == null");
    requireNonNull(serverUrl, "serverUrl == null");
  }
}
