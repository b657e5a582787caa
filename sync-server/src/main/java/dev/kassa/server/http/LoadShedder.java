package dev.kassa.server.http;

import java.util.concurrent.Semaphore;

/**
 * Caps the requests served at once. Past the cap a request is answered at once with 503 and
 * Retry-After rather than queued behind the database pool for seconds: the terminal keeps its
 * events in its outbox and comes back after the pause, with jitter. Health and metrics are not
 * counted, so monitoring still sees an overloaded server.
 */
public final class LoadShedder {
  static final long RETRY_AFTER_SECONDS = 1;

  private final Semaphore permits;

  public LoadShedder(int maxConcurrent) {
    this.permits = new Semaphore(maxConcurrent);
  }

  /** Takes a slot or throws the 503; the caller must {@link #release()} a slot it took. */
  public void acquire() {
    if (!permits.tryAcquire()) {
      throw ApiException.unavailable("the server is busy; try again shortly", RETRY_AFTER_SECONDS);
    }
  }

  public void release() {
    permits.release();
  }

  /** Slots free right now (for the busy gauge). */
  public int available() {
    return permits.availablePermits();
  }
}
