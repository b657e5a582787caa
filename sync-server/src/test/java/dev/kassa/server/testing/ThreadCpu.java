package dev.kassa.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's native threads grouped by name (from /proc/self/task), so a benchmark can
 * say how much of its CPU went to request threads, the JIT compilers, the garbage collector and the
 * rest. Linux only; elsewhere a reading is empty.
 *
 * <p>Between two readings each thread counts what it used in between: a thread that started
 * meanwhile counts all it used, and one that ended meanwhile counts nothing (its last ticks are
 * gone with it). Readings are kept per thread, not per group, as a group's sum would drop by all a
 * thread ever used when it ends: the threads of a connection pool closed during a run made the
 * JVM's total smaller than its request threads' alone.
 */
public final class ThreadCpu {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100

  private ThreadCpu() {}

  /** CPU nanoseconds so far of each live thread (by thread id), and each one's group. */
  public record Reading(Map<Long, Long> nanos, Map<Long, String> groups) {}

  /**
   * A reading of every live thread; a thread's group is its name with its trailing digits and dashes
   * removed and other digits as N.
   */
  public static Reading read() {
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> groups = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          long tid = Long.parseLong(task.getFileName().toString());
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[-#0-9 ]+$", "")
              .replaceAll("[0-9]+", "N");
          String[] fields = stat.substring(close + 2).split(" ");
          nanos.put(tid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS);
          groups.put(tid, name);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while we listed it
        }
      });
    } catch (IOException notLinux) {
      return new Reading(Map.of(), Map.of());
    }
    return new Reading(nanos, groups);
  }

  /** CPU nanoseconds each group used between two readings. */
  private static Map<String, Long> byGroup(Reading before, Reading after) {
    Map<String, Long> groups = new TreeMap<>();
    after.nanos().forEach((tid, nanos) ->
        groups.merge(after.groups().get(tid), nanos - before.nanos().getOrDefault(tid, 0L), Long::sum));
    return groups;
  }

  /** CPU nanoseconds all threads used between two readings. */
  public static long totalNanos(Reading before, Reading after) {
    return byGroup(before, after).values().stream().mapToLong(Long::longValue).sum();
  }

  /** CPU nanoseconds the JIT compiler threads used between two readings. */
  public static long compilerNanos(Reading before, Reading after) {
    return groupNanos(before, after, "CompilerThre");
  }

  /** CPU nanoseconds the threads whose group name contains {@code part} used between two readings. */
  public static long groupNanos(Reading before, Reading after, String part) {
    return byGroup(before, after).entrySet().stream().filter(e -> e.getKey().contains(part))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** Each group's CPU between two readings divided by {@code units}, in microseconds, largest first. */
  public static String perUnit(Reading before, Reading after, long units) {
    StringBuilder out = new StringBuilder();
    byGroup(before, after).entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s %.0f us, ", e.getKey(),
            e.getValue() / 1e3 / units)));
    return out.length() == 0 ? "" : out.substring(0, out.length() - 2);
  }
}
