package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

  @Test
  void aFailingChoreIsRetriedAndDoesNotStopTheOthers() throws InterruptedException {
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch failedTwice = new CountDownLatch(2);
    CountDownLatch othersRan = new CountDownLatch(3);
    try (Housekeeping ignored = Housekeeping.start(List.of(
        new Housekeeping.Chore("broken", Duration.ofMillis(10), () -> {
          failures.incrementAndGet();
          failedTwice.countDown();
          throw new IllegalStateException("database busy");
        }),
        new Housekeeping.Chore("holds", Duration.ofMillis(10), othersRan::countDown)))) {
      assertThat(failedTwice.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(othersRan.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(failures.get()).isGreaterThanOrEqualTo(2);
  }
}
