package dev.kassa.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatchUpTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void callsOneAfterAnotherEachMakeTheirOwnRun() {
    AtomicInteger runs = new AtomicInteger();
    CatchUp catchUp = new CatchUp(runs::incrementAndGet);

    catchUp.run();
    catchUp.run();

    assertThat(runs).hasValue(2);
  }

  @Test
  void callsThatComeDuringARunShareTheNextOneAndReturnOnlyAfterIt() throws Exception {
    CountDownLatch firstRunGoing = new CountDownLatch(1);
    CountDownLatch releaseFirstRun = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CatchUp catchUp = new CatchUp(() -> {
      if (runs.incrementAndGet() == 1) {
        firstRunGoing.countDown();
        awaitQuietly(releaseFirstRun);
      }
    });
    Future<?> first = pool.submit(catchUp);
    assertThat(firstRunGoing.await(10, TimeUnit.SECONDS)).isTrue();
    List<Future<Integer>> later = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // each notes how many runs had started when it returned
      later.add(pool.submit(() -> {
        catchUp.run();
        return runs.get();
      }));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> catchUp.waiting() == 3);

    releaseFirstRun.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<Integer> f : later) {
      // the first run had started before they came, so it does not cover them: the second does
      assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }
    assertThat(runs).hasValue(2);
  }

  @Test
  void aFailedRunThrowsToItsCallerAndOneWaitingForItMakesAnother() throws Exception {
    CountDownLatch failingRunGoing = new CountDownLatch(1);
    CountDownLatch letItFail = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CatchUp catchUp = new CatchUp(() -> {
      if (runs.incrementAndGet() == 1) {
        failingRunGoing.countDown();
        awaitQuietly(letItFail);
        throw new IllegalStateException("database gone");
      }
    });
    Future<?> failing = pool.submit(catchUp);
    assertThat(failingRunGoing.await(10, TimeUnit.SECONDS)).isTrue();
    Future<?> waiter = pool.submit(catchUp);
    await().atMost(Duration.ofSeconds(10)).until(() -> catchUp.waiting() == 1);

    letItFail.countDown();

    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
    waiter.get(10, TimeUnit.SECONDS);
    assertThat(runs).hasValue(2);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
