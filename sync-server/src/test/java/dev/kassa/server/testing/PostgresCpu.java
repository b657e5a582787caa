package dev.kassa.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of one local PostgreSQL cluster (its postmaster, the children it has reaped and the live
 * backends), read from Linux's {@code /proc}: with the server's JVM CPU it says where the cost of a
 * pushed sale lies. Answers -1 where {@code /proc} is not there.
 */
public final class PostgresCpu {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  private PostgresCpu() {}

  /** CPU nanoseconds used so far by the cluster listening on {@code port}, or -1 when unknown. */
  public static long nanos(int port) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    long postmaster = -1;
    long total = 0;
    try (Stream<Path> pids = Files.list(proc)) {
      for (Path dir : pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        String cmdline = read(dir.resolve("cmdline")).replace('\0', ' ');
        if (cmdline.contains("postgres") && cmdline.contains("-p " + port + " ")) {
          postmaster = Long.parseLong(dir.getFileName().toString());
          String[] stat = fields(read(dir.resolve("stat")));
          total += ticks(stat, 13) + ticks(stat, 14) + ticks(stat, 15) + ticks(stat, 16);
        }
      }
      if (postmaster < 0) {
        return -1;
      }
    } catch (IOException e) {
      return -1;
    }
    try (Stream<Path> pids = Files.list(proc)) {
      for (Path dir : pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        String[] stat = fields(read(dir.resolve("stat")));
        if (stat.length > 16 && stat[3].equals(Long.toString(postmaster))) {
          total += ticks(stat, 13) + ticks(stat, 14);
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return total * NANOS_PER_TICK;
  }

  /** The fields of a stat line, the command name (which may hold spaces) taken as one. */
  private static String[] fields(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return new String[0];
    }
    String[] rest = stat.substring(close + 2).trim().split(" ");
    String[] all = new String[rest.length + 2];
    all[0] = stat.substring(0, stat.indexOf(' '));
    all[1] = stat.substring(stat.indexOf('(') + 1, close);
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }

  private static long ticks(String[] stat, int index) {
    return stat.length > index ? Long.parseLong(stat[index]) : 0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
