package dev.kassa.pos.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the server's clock was from the till's when they last compared ({@code server-clock-offset},
 * an ISO-8601 duration such as {@code PT-2H0.013S}), so that a till restarted while the server is
 * out of reach stamps its sales by the server's time rather than by its own wrong clock. Written
 * whole (temp file and move) when the offset changes; a failure to write or read is logged, never
 * fatal: the till then runs on its own clock until it reaches the server.
 */
final class ClockOffsetFile {
  static final String FILE = "server-clock-offset";
  private static final Logger log = LoggerFactory.getLogger(ClockOffsetFile.class);

  private ClockOffsetFile() {}

  static void write(Path dataDir, Duration offset) {
    try {
      Path temp = dataDir.resolve(FILE + ".tmp");
      Files.writeString(temp, offset.toString(), StandardCharsets.US_ASCII);
      Files.move(temp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      log.info("till clock is {} from the server's; kept for restarts", offset);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot keep the server clock offset in {}: {}", dataDir, e.toString());
    }
  }

  /** The last kept offset, or zero when none was kept or the file is unreadable. */
  static Duration read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Duration.ZERO;
    }
    try {
      return Duration.parse(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IOException | DateTimeParseException e) {
      log.warn("unreadable {}, running on the till's own clock until the server answers: {}", file, e.toString());
      return Duration.ZERO;
    }
  }
}
