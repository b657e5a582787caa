package dev.kassa.pos.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * What the till shows about sync, always: online or not, how many events wait and how old the
 * oldest unsynced sale is, when the last sync succeeded, and the conflicts the server reported.
 * {@code problem} is a short text for the manager (null when all is well); never a stack trace.
 */
public record SyncState(
    Connection connection, long pendingEvents, Instant oldestPendingSale, Instant lastSuccess,
    int openConflicts, boolean chainBroken, String problem) {

  public enum Connection {
    /** The last exchange with the server worked. */
    ONLINE,
    /** The server could not be reached or failed; the till sells offline and retries. */
    OFFLINE,
    /** The server refused the terminal's token (revoked?): a manager must re-enrol it. */
    NOT_AUTHORIZED,
    /** The terminal has no token yet. */
    NOT_ENROLLED
  }

  public static SyncState initial() {
    return new SyncState(Connection.OFFLINE, 0, null, null, 0, false, null);
  }

  /** Age of the oldest unsynced sale at {@code now}, or zero when nothing waits. */
  public Duration oldestPendingAge(Instant now) {
    return oldestPendingSale == null ? Duration.ZERO : Duration.between(oldestPendingSale, now);
  }
}
