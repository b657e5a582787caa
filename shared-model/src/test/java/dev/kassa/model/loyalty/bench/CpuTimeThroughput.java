package dev.kassa.model.loyalty.bench;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Evaluations per CPU-second of the evaluating thread: on a shared machine (CI, a laptop building
 * while it measures) wall-clock throughput says more about the neighbours than about the engine;
 * the thread's own CPU time does not.
 */
final class CpuTimeThroughput {
  private static final int ROUNDS = 5;

  private CpuTimeThroughput() {}

  /** Median over {@value #ROUNDS} rounds of about a CPU-second each, after two of warm-up. */
  static double measure(String scenario) {
    boolean target = scenario.equals("30x50");
    LoyaltyEngine engine = LoyaltyEngine.of(target ? BenchFixtures.programWithCampaigns(50) : BenchFixtures.demoProgram());
    Basket basket = BenchFixtures.basket(target ? 30 : 20);
    CardState card = BenchFixtures.goldCard();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] rates = new double[ROUNDS];
    long sink = 0;
    for (int round = -2; round < ROUNDS; round++) {
      long start = threads.getCurrentThreadCpuTime();
      long count = 0;
      while (threads.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
        for (int i = 0; i < 1_000; i++) {
          sink += engine.evaluate(card, basket, BenchFixtures.AT).pointsEarned();
        }
        count += 1_000;
      }
      if (round >= 0) {
        rates[round] = count / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results alive
    }
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }
}
