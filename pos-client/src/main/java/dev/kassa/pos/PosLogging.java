package dev.kassa.pos;

import java.nio.file.Path;

/**
 * Points the rolling log file at the terminal's data directory. Must run before the first logger
 * is created, because Logback reads {@code kassa.logDir} once, when it configures itself.
 */
public final class PosLogging {
  private PosLogging() {}

  public static void useDataDir(Path dataDir) {
    System.setProperty("kassa.logDir", dataDir.resolve("logs").toAbsolutePath().toString());
  }
}
