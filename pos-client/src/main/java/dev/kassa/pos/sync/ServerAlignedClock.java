package dev.kassa.pos.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The till's wall clock corrected by the server's: a till whose clock is hours off would otherwise
 * stamp its sales hours off, order them wrongly against other tills' (a redemption made after
 * another till's accrual could sort before it and look like an overdraft), and date expiry and
 * reports wrongly. Each push answer carries the server's hybrid time; the offset to it is adopted
 * when it differs by more than {@link #TOLERANCE} (network delay is noise, not skew). Until the
 * first answer the till runs on its own clock.
 */
public final class ServerAlignedClock extends Clock {
  static final Duration TOLERANCE = Duration.ofSeconds(2);

  private final Clock local;
  private volatile long offsetMillis;

  public ServerAlignedClock(Clock local) {
    this.local = requireNonNull(local, "local == null");
  }

  /** Adopts the server's time as of now, when it is further off than the tolerance. */
  public void observeServer(Hlc serverTime) {
    long offset = serverTime.physicalMillis() - local.millis();
    if (Math.abs(offset - offsetMillis) > TOLERANCE.toMillis()) {
      offsetMillis = offset;
    }
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis);
  }

  @Override
  public long millis() {
    return local.millis() + offsetMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return local.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the till's clock is UTC inside");
  }
}
