package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void waitsGrowExponentiallyUpToTheCapWithJitterBelowTheBound() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(1));
    long[] bounds = {100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000};
    for (long bound : bounds) {
      assertThat(backoff.nextDelay(null).toMillis()).isBetween(0L, bound);
    }
  }

  @Test
  void jitterSpreadsTerminalsApart() {
    long distinct = new SplittableRandom(7).longs(50).map(seed -> {
      Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60), new SplittableRandom(seed));
      for (int i = 0; i < 5; i++) {
        backoff.nextDelay(null);
      }
      return backoff.nextDelay(null).toMillis();
    }).distinct().count();
    assertThat(distinct).isGreaterThan(40);
  }

  @Test
  void retryAfterIsAFloor() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(3));
    assertThat(backoff.nextDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void successStartsOverFromTheBase() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60), new SplittableRandom(5));
    for (int i = 0; i < 10; i++) {
      backoff.nextDelay(null);
    }
    backoff.reset();
    assertThat(backoff.nextDelay(null).toMillis()).isLessThanOrEqualTo(100);
  }
}
