package dev.kassa.pos.sync;

import java.time.Duration;

/**
 * Tuning of the sync agent. Batches are bounded by count and bytes so that a terminal back from a
 * week offline pushes in pieces the server takes in one transaction each, well under the server's
 * request size limit (8 MB and 5,000 events by default).
 */
public record SyncSettings(
    int batchMaxEvents, long batchMaxBytes, int pullPageSize, Duration interval,
    Duration backoffBase, Duration backoffMax) {

  public SyncSettings {
    if (batchMaxEvents <= 0) {
      throw new IllegalArgumentException("batchMaxEvents <= 0: " + batchMaxEvents);
    }
    if (batchMaxBytes <= 0) {
      throw new IllegalArgumentException("batchMaxBytes <= 0: " + batchMaxBytes);
    }
    if (pullPageSize <= 0) {
      throw new IllegalArgumentException("pullPageSize <= 0: " + pullPageSize);
    }
  }

  /**
   * Pushes of up to 1,000 events and 4 MB: some 500 sales with their points entries. A push has a
   * cost of its own on the server besides its events' (its transaction, the terminal's chain and
   * about thirty statements), so after an outage fewer, larger pushes merge with less CPU: in the
   * reconciliation benchmark, 1,000 against 500 took about a tenth less a sale at 400 terminals, and
   * at full size the difference was within the machine's drift (BENCHMARKS.md).
   */
  public static SyncSettings defaults() {
    return new SyncSettings(1000, 4L << 20, 1000, Duration.ofSeconds(15),
        Duration.ofSeconds(1), Duration.ofMinutes(5));
  }

  /** These batch and page bounds, with another sync interval and backoff. */
  public SyncSettings withTiming(Duration interval, Duration backoffBase, Duration backoffMax) {
    return new SyncSettings(batchMaxEvents, batchMaxBytes, pullPageSize, interval, backoffBase, backoffMax);
  }
}
