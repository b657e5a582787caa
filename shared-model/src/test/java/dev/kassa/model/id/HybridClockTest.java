package dev.kassa.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockTest {

  private final AtomicLong wall = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return Instant.ofEpochMilli(wall.get()); }
  };

  @Test
  void stampsStayIncreasingWhenTheWallClockStepsBack() {
    HybridClock hlc = new HybridClock(clock);
    Hlc first = hlc.now();
    wall.addAndGet(-2 * 3600_000); // NTP pulls the clock two hours back
    Hlc second = hlc.now();
    assertThat(second).isGreaterThan(first);
    assertThat(second.physicalMillis()).isEqualTo(first.physicalMillis());
    assertThat(second.logical()).isEqualTo(1);
  }

  @Test
  void afterObservingAFastRemoteEveryLocalStampIsLater() {
    HybridClock slowTerminal = new HybridClock(clock);
    Hlc server = Hlc.of(wall.get() + 2 * 3600_000, 7);
    Hlc merged = slowTerminal.observe(server);
    assertThat(merged).isGreaterThan(server);
    assertThat(slowTerminal.now()).isGreaterThan(merged);
  }

  @Test
  void theWallClockTakesOverOnceItPassesEverythingSeen() {
    HybridClock hlc = new HybridClock(clock);
    hlc.observe(Hlc.of(wall.get() + 10, 3));
    wall.addAndGet(100);
    assertThat(hlc.now()).isEqualTo(Hlc.of(wall.get(), 0));
  }

  @Test
  void aRestartedClockContinuesAfterItsLastStamp() {
    Hlc persisted = Hlc.of(wall.get() + 5_000, 12);
    assertThat(new HybridClock(clock, persisted).now()).isEqualTo(Hlc.of(wall.get() + 5_000, 13));
  }

  @Test
  void theLogicalCounterOverflowsIntoTheNextMillisecond() {
    HybridClock hlc = new HybridClock(clock, Hlc.of(wall.get(), Hlc.MAX_LOGICAL));
    assertThat(hlc.now()).isEqualTo(Hlc.of(wall.get() + 1, 0));
  }
}
