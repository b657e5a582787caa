package dev.kassa.model.loyalty.bench;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluations per second of one basket on one thread: the program is compiled once (as terminal and
 * server do per version), the basket, card and moment are fixed, every evaluation is complete
 * (line outcomes, explanations).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoyaltyEngineBenchmark {

  /** "30x50": the target case; "20xdemo": a 20-line check against the demo program. */
  @Param({"30x50", "20xdemo"})
  public String scenario;

  private LoyaltyEngine engine;
  private CardState card;
  private Basket basket;

  @Setup
  public void setUp() {
    boolean target = scenario.equals("30x50");
    engine = LoyaltyEngine.of(target ? BenchFixtures.programWithCampaigns(50) : BenchFixtures.demoProgram());
    basket = BenchFixtures.basket(target ? 30 : 20);
    card = BenchFixtures.goldCard();
  }

  @Benchmark
  public Evaluation evaluate() {
    return engine.evaluate(card, basket, BenchFixtures.AT);
  }
}
