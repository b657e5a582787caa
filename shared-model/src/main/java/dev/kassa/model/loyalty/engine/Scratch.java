package dev.kassa.model.loyalty.engine;

import java.util.Arrays;

/**
 * The working arrays of an evaluation, kept per thread and reused: a till or a server thread
 * evaluates basket after basket, and allocating a dozen arrays for each made the engine spend its
 * time in the allocator and the garbage collector. Arrays only grow; an evaluation clears the part
 * it uses, so nothing of one basket leaks into the next.
 */
final class Scratch {
  private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

  BasketLine[] lines = new BasketLine[0];
  long[] amount = new long[0];
  long[] net = new long[0];
  long[] redeemed = new long[0];
  long[] points = new long[0];
  long[] multiplier = new long[0];
  long[] bonus = new long[0];
  long[] shares = new long[0];
  long[] remainders = new long[0];
  long[] exact = new long[0];
  long[] base = new long[0];
  int[] exclusions = new int[0];
  int[] lineNos = new int[0];
  int[] members = new int[0];
  long[] sorted = new long[0];
  boolean[] touched = new boolean[0];
  boolean[] locked = new boolean[0];
  long[] targets = new long[0];
  int[] candidates = new int[0];
  int[] applied = new int[0];
  long[] ruleDiscount = new long[0];
  long[] rulePoints = new long[0];
  int[] appliedStart = new int[0];
  int[] appliedCount = new int[0];
  int[] candidateStart = new int[1];
  int[] fill = new int[1];
  boolean[] couponNotApplied = new boolean[0];
  boolean[] presented = new boolean[0];
  long[] holding = new long[0];

  /** This thread's scratch, big enough and cleared for {@code n} lines and {@code rules} rules. */
  static Scratch forEvaluation(int n, int rules, int words) {
    Scratch s = PER_THREAD.get();
    s.prepare(n, rules, words);
    return s;
  }

  private void prepare(int n, int rules, int words) {
    if (lines.length < n) {
      int size = Math.max(n, 2 * lines.length);
      lines = new BasketLine[size];
      amount = new long[size];
      net = new long[size];
      redeemed = new long[size];
      points = new long[size];
      multiplier = new long[size];
      bonus = new long[size];
      shares = new long[size];
      remainders = new long[size];
      exact = new long[size];
      base = new long[size];
      exclusions = new int[size];
      lineNos = new int[size];
      members = new int[size];
      sorted = new long[size];
      touched = new boolean[size];
      locked = new boolean[size];
    }
    if (targets.length < n * words) {
      targets = new long[n * words];
    }
    if (ruleDiscount.length < rules) {
      ruleDiscount = new long[rules];
      rulePoints = new long[rules];
      appliedStart = new int[rules];
      appliedCount = new int[rules];
      candidateStart = new int[rules + 1];
      fill = new int[rules + 1];
      couponNotApplied = new boolean[rules];
      presented = new boolean[rules];
    }
    if (holding.length < words) {
      holding = new long[words];
    }
    Arrays.fill(redeemed, 0, n, 0);
    Arrays.fill(points, 0, n, 0);
    Arrays.fill(bonus, 0, n, 0);
    Arrays.fill(shares, 0, n, 0);
    Arrays.fill(exact, 0, n, 0);
    Arrays.fill(base, 0, n, 0);
    Arrays.fill(multiplier, 0, n, 100);
    Arrays.fill(touched, 0, n, false);
    Arrays.fill(locked, 0, n, false);
    Arrays.fill(targets, 0, n * words, 0);
    Arrays.fill(ruleDiscount, 0, rules, 0);
    Arrays.fill(rulePoints, 0, rules, 0);
    Arrays.fill(appliedCount, 0, rules, 0);
    Arrays.fill(candidateStart, 0, rules + 1, 0);
    Arrays.fill(fill, 0, rules + 1, 0);
    Arrays.fill(couponNotApplied, 0, rules, false);
    Arrays.fill(presented, 0, rules, false);
    Arrays.fill(holding, 0, words, 0);
  }

  int[] candidates(int size) {
    if (candidates.length < size) {
      candidates = new int[Math.max(size, 2 * candidates.length)];
    }
    return candidates;
  }

  int[] applied(int size) {
    if (applied.length < size) {
      applied = Arrays.copyOf(applied, Math.max(size, 2 * applied.length));
    }
    return applied;
  }

  /** Lets go of the basket's lines once the result is built. */
  void release(int n) {
    Arrays.fill(lines, 0, n, null);
  }
}
