package dev.kassa.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's native threads grouped by name (from /proc/self/task), so a benchmark can
 * say how much of its CPU went to request threads, the JIT compilers, the garbage collector and the
 * rest. Linux only; elsewhere the groups are empty.
 */
public final class ThreadCpu {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100

  private ThreadCpu() {}

  /** CPU nanoseconds so far per thread group: the thread name with its trailing digits and dashes removed. */
  public static Map<String, Long> byGroup() {
    Map<String, Long> groups = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[-#0-9 ]+$", "")
              .replaceAll("[0-9]+", "N");
          String[] fields = stat.substring(close + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          groups.merge(name, ticks * TICK_NANOS, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while we listed it
        }
      });
    } catch (IOException notLinux) {
      return Map.of();
    }
    return groups;
  }

  /** CPU nanoseconds all threads used between two readings. */
  public static long totalNanos(Map<String, Long> before, Map<String, Long> after) {
    return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
  }

  /** CPU nanoseconds the JIT compiler threads used between two readings. */
  public static long compilerNanos(Map<String, Long> before, Map<String, Long> after) {
    return groupNanos(before, after, "CompilerThre");
  }

  /** CPU nanoseconds the threads whose group name contains {@code part} used between two readings. */
  public static long groupNanos(Map<String, Long> before, Map<String, Long> after, String part) {
    return after.entrySet().stream().filter(e -> e.getKey().contains(part))
        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
  }

  /** The groups' CPU between two readings, in microseconds per unit of work, largest first. */
  public static String perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s %.0f us, ", e.getKey(),
            e.getValue() / 1e3 / units)));
    return out.length() == 0 ? "" : out.substring(0, out.length() - 2);
  }
}
