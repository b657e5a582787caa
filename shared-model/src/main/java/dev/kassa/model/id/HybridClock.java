package dev.kassa.model.id;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/**
 * Issues {@link Hlc} timestamps (Kulkarni et al., "Logical Physical Clocks", 2014). {@link #now()}
 * stamps a local event; {@link #observe(Hlc)} merges a timestamp received from elsewhere (the
 * server's answer), after which every local stamp is greater than it.
 */
public final class HybridClock {
  private final Clock wallClock;
  private long lastPhysical;
  private int lastLogical;

  public HybridClock(Clock wallClock) {
    this.wallClock = requireNonNull(wallClock, "wallClock == null");
  }

  /** Restarts a clock after a process restart from the last stamp it persisted. */
  public HybridClock(Clock wallClock, Hlc lastIssued) {
    this(wallClock);
    requireNonNull(lastIssued, "lastIssued == null");
    this.lastPhysical = lastIssued.physicalMillis();
    this.lastLogical = lastIssued.logical();
  }

  public synchronized Hlc now() {
    long wall = wallClock.millis();
    if (wall > lastPhysical) {
      lastPhysical = wall;
      lastLogical = 0;
    } else {
      tick();
    }
    return Hlc.of(lastPhysical, lastLogical);
  }

  public synchronized Hlc observe(Hlc remote) {
    requireNonNull(remote, "remote == null");
    long wall = wallClock.millis();
    long remotePhysical = remote.physicalMillis();
    if (wall > lastPhysical && wall > remotePhysical) {
      lastPhysical = wall;
      lastLogical = 0;
    } else if (remotePhysical > lastPhysical) {
      lastPhysical = remotePhysical;
      lastLogical = remote.logical();
      tick();
    } else if (remotePhysical == lastPhysical) {
      lastLogical = Math.max(lastLogical, remote.logical());
      tick();
    } else {
      tick();
    }
    return Hlc.of(lastPhysical, lastLogical);
  }

  private void tick() {
    if (lastLogical == Hlc.MAX_LOGICAL) {
      // 65,536 events in one millisecond: move the physical part on rather than overflow
      lastPhysical++;
      lastLogical = 0;
    } else {
      lastLogical++;
    }
  }
}
