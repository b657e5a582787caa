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
 * when it differs by more than {@link #TOLERANCE} (network delay is noise, not skew).
 *
 * <p>A till restarted offline starts from the offset it last knew (kept in its data directory): a
 * till whose clock is wrong usually stays wrong, and the server may be out of reach for the whole
 * shift. One that never met the server runs on its own clock; its stamps are then off, and what
 * keeps things right is the hybrid clock (a till's stamps never go back, and every stamp made after
 * seeing the server's time sorts after it) and the server's own receive time on every event.
 */
public final class ServerAlignedClock extends Clock {
  static final Duration TOLERANCE = Duration.ofSeconds(2);

  private final Clock local;
  private volatile long offsetMillis;

  public ServerAlignedClock(Clock local) {
    this(local, Duration.ZERO);
  }

  /** Starts from {@code lastKnownOffset}, the offset adopted before a restart. */
  public ServerAlignedClock(Clock local, Duration lastKnownOffset) {
    this.local = requireNonNull(local, "local == null");
    this.offsetMillis = requireNonNull(lastKnownOffset, "lastKnownOffset == null").toMillis();
  }

  /**
   * Adopts the server's time as of now, when it is further off than the tolerance; true when it
   * did (the caller keeps the new offset for the next start).
   */
  public boolean observeServer(Hlc serverTime) {
    long offset = serverTime.physicalMillis() - local.millis();
    if (Math.abs(offset - offsetMillis) > TOLERANCE.toMillis()) {
      offsetMillis = offset;
      return true;
    }
    return false;
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
