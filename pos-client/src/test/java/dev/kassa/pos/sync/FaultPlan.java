package dev.kassa.pos.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the fault for each request a {@link FaultProxy} sees: from fixed per-mille rates and a
 * seeded random, so a failing run can be replayed with the same seed. A plan may also owe faults
 * that it hands out before any random one, so that a run is sure to see each of them at least once.
 */
public final class FaultPlan {
  private final Map<FaultProxy.Fault, Integer> perMille;
  private final SplittableRandom random;
  private final Deque<FaultProxy.Fault> owed = new ArrayDeque<>();

  private FaultPlan(Map<FaultProxy.Fault, Integer> perMille, long seed) {
    int sum = perMille.values().stream().mapToInt(Integer::intValue).sum();
    if (sum > 1000) {
      throw new IllegalArgumentException("fault rates add up to more than 1000 per mille: " + sum);
    }
    this.perMille = new EnumMap<>(FaultProxy.Fault.class);
    this.perMille.putAll(perMille);
    this.random = new SplittableRandom(seed);
  }

  public static FaultPlan none() {
    return new FaultPlan(Map.of(), 0);
  }

  public static FaultPlan always(FaultProxy.Fault fault) {
    return new FaultPlan(Map.of(fault, 1000), 0);
  }

  /**
   * Every kind of fault once each, on the first requests, then every kind at {@code perMille}: a
   * run long enough to pass a handful of requests is sure to meet each fault, whatever the seed.
   */
  public static FaultPlan eachOnceThenEverything(long seed, int perMille) {
    FaultPlan plan = everything(seed, perMille);
    plan.perMille.keySet().forEach(plan.owed::addLast);
    return plan;
  }

  /** Each fault at {@code perMille} of the requests (e.g. 40 = 4%). */
  public static FaultPlan random(long seed, Map<FaultProxy.Fault, Integer> perMille) {
    return new FaultPlan(perMille, seed);
  }

  /** Every kind of fault, each at {@code perMille}. */
  public static FaultPlan everything(long seed, int perMille) {
    Map<FaultProxy.Fault, Integer> rates = new EnumMap<>(FaultProxy.Fault.class);
    for (FaultProxy.Fault fault : FaultProxy.Fault.values()) {
      if (fault != FaultProxy.Fault.NONE) {
        rates.put(fault, perMille);
      }
    }
    return new FaultPlan(rates, seed);
  }

  synchronized FaultProxy.Fault next() {
    if (!owed.isEmpty()) {
      return owed.pollFirst();
    }
    int roll = random.nextInt(1000);
    for (Map.Entry<FaultProxy.Fault, Integer> rate : perMille.entrySet()) {
      roll -= rate.getValue();
      if (roll < 0) {
        return rate.getKey();
      }
    }
    return FaultProxy.Fault.NONE;
  }

  /**
   * The proxy drew {@code fault} but could not apply it (the client closed an idle connection, a
   * partition began, a canned answer was given): it is owed again, so that what a plan promises is
   * what the proxy's counters show.
   */
  synchronized void unused(FaultProxy.Fault fault) {
    if (fault != FaultProxy.Fault.NONE) {
      owed.addFirst(fault);
    }
  }
}
