package dev.kassa.pos.sync;

import java.time.Duration;

/**
 * Why a call to the server did not succeed, as the sync agent needs to know it: whether to try
 * again, when, and whether a person has to act. Never shown to the cashier as is: the status line
 * says "offline" and the manager sees {@link #describe()}.
 */
public sealed class SyncFailure extends Exception {
  private SyncFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public String describe() {
    return getMessage();
  }

  /** No answer at all: connection refused, reset, timed out, DNS failed. Retry with backoff. */
  public static final class Unreachable extends SyncFailure {
    public Unreachable(Throwable cause) {
      super("server unreachable: " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
    }
  }

  /** The server asked us to come back later (503 or 429), possibly saying when. */
  public static final class RetryLater extends SyncFailure {
    private final Duration after;

    public RetryLater(int status, Duration after) {
      super("server busy (" + status + ")" + (after == null ? "" : ", retry after " + after.toSeconds() + " s"), null);
      this.after = after;
    }

    /** The server's Retry-After, or null when it gave none. */
    public Duration after() {
      return after;
    }
  }

  /** 5xx: the server failed; retry with backoff. */
  public static final class ServerError extends SyncFailure {
    public ServerError(int status, String detail) {
      super("server error " + status + (detail == null ? "" : ": " + detail), null);
    }
  }

  /** 401/403: the terminal's token was revoked or is wrong. Keep selling; a manager must re-enrol. */
  public static final class NotAuthorized extends SyncFailure {
    private final int status;

    public NotAuthorized(int status, String detail) {
      super("terminal not authorised (" + status + ")" + (detail == null ? "" : ": " + detail), null);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** The answer was not the protocol: wrong content, unparseable body. Retry with backoff. */
  public static final class BadAnswer extends SyncFailure {
    public BadAnswer(String detail, Throwable cause) {
      super("unexpected answer from server: " + detail, cause);
    }
  }

  /** The server rejected the request itself (4xx): retrying the same request will not help. */
  public static final class Rejected extends SyncFailure {
    private final int status;

    public Rejected(int status, String detail) {
      super("request rejected (" + status + ")" + (detail == null ? "" : ": " + detail), null);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** A pull cursor the server no longer keeps history for: take a snapshot. */
  public static final class CursorExpired extends SyncFailure {
    public CursorExpired(String detail) {
      super("change feed cursor expired" + (detail == null ? "" : ": " + detail), null);
    }
  }
}
