package dev.kassa.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void aThreadThatEndsBetweenTwoReadingsTakesNothingAwayFromItsGroup() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
    CountDownLatch burnt = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    // two threads of one group ("cpu-test-burner"): one stays, one has used CPU and ends in between
    Thread stays = new Thread(() -> await(end), "cpu-test-burner-1");
    Thread ends = new Thread(() -> {
      var bean = ManagementFactory.getThreadMXBean();
      long x = 0;
      while (bean.getCurrentThreadCpuTime() < 150_000_000L) {
        x += Long.numberOfTrailingZeros(x + 1);
      }
      burnt.countDown();
      await(end);
    }, "cpu-test-burner-2");
    stays.start();
    ends.start();
    burnt.await();

    ThreadCpu.Reading before = ThreadCpu.read();
    end.countDown();
    ends.join();
    stays.join();
    ThreadCpu.Reading after = ThreadCpu.read();

    assertThat(before.groups()).containsValue("cpu-test-burner");
    assertThat(ThreadCpu.groupNanos(before, after, "cpu-test-burner")).isBetween(0L, 50_000_000L);
    assertThat(ThreadCpu.totalNanos(before, after)).isNotNegative();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
