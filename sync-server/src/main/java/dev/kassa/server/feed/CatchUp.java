package dev.kassa.server.feed;

import static java.util.Objects.requireNonNull;

/**
 * Runs what brings a feed up to date before it is read (the card publisher, for the cards feed) on
 * behalf of the pulls of that feed. Each call returns once a run that started after the call has
 * finished, so everything committed before the call is in the feed; calls that come while a run is
 * going share the next run instead of each making its own. With every till pulling after an
 * outage, a run per pull page wrote a busy card's entity once a page.
 *
 * <p>Only one run goes at a time. A run that fails throws to the caller that made it; a caller that
 * was waiting for it goes again.
 */
public final class CatchUp implements Runnable {
  private final Runnable task;
  /** Runs started, finished (failed or not), and the number of the last that succeeded. */
  private long started;
  private long finished;
  private long lastSucceeded;
  private boolean running;
  private int waiting;

  public CatchUp(Runnable task) {
    this.task = requireNonNull(task, "task == null");
  }

  @Override
  public void run() {
    long run;
    synchronized (this) {
      long needed = started + 1;
      while (true) {
        if (lastSucceeded >= needed) {
          return;
        }
        if (finished >= needed) {
          // every run since this call came failed: this caller needs one of its own
          needed = started + 1;
        }
        if (!running) {
          break;
        }
        waiting++;
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for the feed to catch up", e);
        } finally {
          waiting--;
        }
      }
      running = true;
      run = ++started;
    }
    boolean succeeded = false;
    try {
      task.run();
      succeeded = true;
    } finally {
      synchronized (this) {
        finished = run;
        if (succeeded) {
          lastSucceeded = run;
        }
        running = false;
        notifyAll();
      }
    }
  }

  /** How many callers wait for a run now (for tests). */
  synchronized int waiting() {
    return waiting;
  }
}
