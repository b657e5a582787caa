package dev.kassa.pos.sync;

import java.time.Duration;

/**
 * Tuning of the sync agent. Batches are bounded by count and bytes so that a terminal back from a
 * week offline pushes in pieces the server takes in one transaction each, well under the server's
 * request size limit.
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

  public static SyncSettings defaults() {
    return new SyncSettings(500, 2L << 20, 1000, Duration.ofSeconds(15),
        Duration.ofSeconds(1), Duration.ofMinutes(5));
  }
}
