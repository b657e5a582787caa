package dev.kassa.pos.bench;

/** The {@code --name value} options of the sync benchmarks (sizes, so a slow machine can run a scaled one). */
final class BenchOptions {
  private BenchOptions() {}

  static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
