package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.id.Hlc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServerAlignedClockTest {
  private static final Instant REAL = Instant.parse("2026-03-01T09:00:00Z");
  private static final Duration SKEW = Duration.ofHours(2);

  /** A till's wall clock that tests move by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public Instant instant() {
      return now;
    }

    @Override public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static Hlc server(Instant at) {
    return Hlc.of(at.toEpochMilli(), 3);
  }

  @Test
  void beforeMeetingTheServerATillRunsOnItsOwnClock() {
    HandClock fast = new HandClock(REAL.plus(SKEW));
    assertThat(new ServerAlignedClock(fast).instant()).isEqualTo(REAL.plus(SKEW));
  }

  @Test
  void aFastTillTakesTheServersTimeAndKeepsTicking() {
    HandClock fast = new HandClock(REAL.plus(SKEW));
    ServerAlignedClock clock = new ServerAlignedClock(fast);

    assertThat(clock.observeServer(server(REAL))).isTrue();
    fast.advance(Duration.ofMinutes(10));

    assertThat(clock.offset()).isEqualTo(SKEW.negated());
    assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aSlowTillTakesTheServersTime() {
    ServerAlignedClock clock = new ServerAlignedClock(new HandClock(REAL.minus(SKEW)));
    clock.observeServer(server(REAL));
    assertThat(clock.instant()).isEqualTo(REAL);
  }

  /** Network delay and the server's HLC running a little ahead are noise; adopting them would make the till's clock jitter. */
  @Test
  void differencesWithinTheToleranceAreIgnored() {
    HandClock fast = new HandClock(REAL.plus(SKEW));
    ServerAlignedClock clock = new ServerAlignedClock(fast);
    clock.observeServer(server(REAL));

    assertThat(clock.observeServer(server(REAL.plus(ServerAlignedClock.TOLERANCE)))).isFalse();
    assertThat(clock.instant()).isEqualTo(REAL);
    assertThat(clock.observeServer(server(REAL.plus(ServerAlignedClock.TOLERANCE).plusMillis(1)))).isTrue();
  }

  /** Restarted while the server is out of reach: the offset kept from the last exchange applies at once. */
  @Test
  void aRestartedTillStartsFromTheOffsetItLastKnew() {
    ServerAlignedClock clock = new ServerAlignedClock(new HandClock(REAL.plus(SKEW)), SKEW.negated());
    assertThat(clock.instant()).isEqualTo(REAL);
    assertThat(clock.observeServer(server(REAL.plusMillis(500)))).isFalse();
  }

  /** Someone set the till's clock right while it was off: the next answer takes the offset back to nothing. */
  @Test
  void aKeptOffsetGivesWayToTheServersNextAnswer() {
    ServerAlignedClock clock = new ServerAlignedClock(new HandClock(REAL), SKEW.negated());
    assertThat(clock.instant()).isEqualTo(REAL.minus(SKEW));

    clock.observeServer(server(REAL));

    assertThat(clock.offset()).isZero();
    assertThat(clock.instant()).isEqualTo(REAL);
  }
}
