package dev.kassa.pos.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait between zero and the exponential bound),
 * so a thousand terminals coming back after a store-wide outage do not hammer the server in step.
 * A server's Retry-After is a floor: we never come back earlier than asked.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;
  private int failures;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base <= 0: " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max < base: " + max);
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The wait before the next attempt after one more failure. */
  public synchronized Duration nextDelay(Duration retryAfter) {
    failures = Math.min(failures + 1, 62);
    long bound = base.toMillis();
    for (int i = 1; i < failures && bound < max.toMillis(); i++) {
      bound *= 2;
    }
    bound = Math.min(bound, max.toMillis());
    long wait = random.nextLong(bound + 1);
    if (retryAfter != null && retryAfter.toMillis() > wait) {
      wait = Math.min(retryAfter.toMillis(), Duration.ofHours(1).toMillis());
    }
    return Duration.ofMillis(wait);
  }

  public synchronized void reset() {
    failures = 0;
  }

  public synchronized int failures() {
    return failures;
  }
}
