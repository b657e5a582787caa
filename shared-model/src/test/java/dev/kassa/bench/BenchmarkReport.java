package dev.kassa.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * Writes one benchmark's section of BENCHMARKS.md, between {@code <!-- bench:NAME -->} and
 * {@code <!-- /bench:NAME -->}, replacing what was there and appending the section when new.
 * Every section names the machine it was measured on.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  /** The path given as {@code --report PATH}, or null when the benchmark only prints. */
  public static Path reportPath(String... args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--report")) {
        return Path.of(args[i + 1]);
      }
    }
    return null;
  }

  public static void write(Path file, String name, String title, String markdownBody) throws IOException {
    String begin = "<!-- bench:" + name + " -->";
    String end = "<!-- /bench:" + name + " -->";
    String section = begin + "\n## " + title + "\n\n" + markdownBody.strip() + "\n\n" + machine() + "\n" + end;
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Kassa benchmarks\n";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + end.length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** One line naming cores, CPU, JVM, OS and date: where a figure came from. */
  public static String machine() {
    return "Measured " + LocalDate.now(ZoneOffset.UTC) + " on " + Runtime.getRuntime().availableProcessors()
        + " cores, " + cpuModel() + ", " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch") + ", system load average "
        + String.format(java.util.Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + " at the end of the run.";
  }

  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return System.getProperty("os.arch");
    }
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines.filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
