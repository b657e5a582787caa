package dev.kassa.pos.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a benchmark's scratch directory (ledgers, server database) when it is done. */
final class TempDirs {
  private TempDirs() {}

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("left behind: " + dir + " (" + e.getMessage() + ")");
    }
  }
}
