package dev.kassa.model.loyalty.bench;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LoyaltyEngineBenchmark} with JMH (one fork, one thread), prints evaluations per
 * second and allocation per evaluation, and rewrites the {@code loyalty-engine} section of
 * BENCHMARKS.md when given {@code --report PATH}. Target (PRODUCT.md): over 100,000 evaluations per
 * second on one core for a 30-line basket against 50 campaigns.
 */
public final class LoyaltyEngineBench {
  private static final double TARGET = 100_000;

  private LoyaltyEngineBench() {}

  public static void main(String[] args) throws Exception {
    printSample();
    Options options = new OptionsBuilder()
        .include(LoyaltyEngineBenchmark.class.getName() + ".evaluate")
        .forks(1)
        .threads(1)
        .warmupIterations(4)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(8)
        .measurementTime(TimeValue.seconds(2))
        .jvmArgsAppend("-Xmx512m")
        .addProfiler(GCProfiler.class)
        .build();
    Collection<RunResult> results = new Runner(options).run();

    StringBuilder table = new StringBuilder(
        "| scenario | evaluations/s, wall clock (99.9% CI) | evaluations per CPU-second of the thread | allocated per evaluation |\n"
        + "| --- | --- | --- | --- |\n");
    for (RunResult run : results) {
      Result<?> primary = run.getPrimaryResult();
      Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
      String scenario = run.getParams().getParam("scenario");
      double perCpuSecond = CpuTimeThroughput.measure(scenario);
      String line = String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %,.0f | %s |", describe(scenario),
          primary.getScore(), primary.getScoreError(), perCpuSecond,
          alloc == null ? "n/a" : String.format(Locale.ROOT, "%,.0f B", alloc.getScore()));
      table.append(line).append('\n');
      System.out.println(line);
      if (scenario.equals("30x50")) {
        System.out.printf(Locale.ROOT, "target over %,.0f evaluations/s: wall clock %s, per CPU-second %s "
                + "(system load average now %.1f on %d cores)%n", TARGET, primary.getScore() > TARGET ? "met" : "NOT met",
            perCpuSecond > TARGET ? "met" : "NOT met",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors());
      }
    }
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "loyalty-engine", "Loyalty engine: evaluations per second on one core",
          "`./kassa bench loyalty-engine` (JMH 1.37: 1 fork, 1 thread, 4x2 s warm-up, 8x2 s measured; "
              + "`LoyaltyEngineBenchmark`). Target: over 100,000 evaluations/s for 30 lines and 50 campaigns. "
              + "Each evaluation is complete: line discounts and points, redemption, coupon, explanations. "
              + "The wall-clock figure depends on what else the machine runs (see the load average below); "
              + "the CPU-second figure divides evaluations by the CPU time of the evaluating thread "
              + "(median of 5 one-second rounds after warm-up, in the launching JVM) and so does not.\n\n"
              + table);
    }
  }

  private static String describe(String scenario) {
    return scenario.equals("30x50")
        ? "30-line basket, 50 campaigns + 2 coupons, gold card, redemption"
        : "20-line basket, demo program, gold card, redemption";
  }

  /** One evaluation printed, so the figure is known to come from a basket where rules really apply. */
  private static void printSample() {
    Evaluation e = LoyaltyEngine.of(BenchFixtures.programWithCampaigns(50))
        .evaluate(BenchFixtures.goldCard(), BenchFixtures.basket(30), BenchFixtures.AT);
    System.out.printf(Locale.ROOT, "sample 30x50: subtotal %s, discount %s, %d points, %d redeemed, %d rules explained%n",
        e.subtotal(), e.discount(), e.pointsEarned(), e.pointsRedeemed(), e.explanations().size());
  }
}
