package dev.kassa.server.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic chores: marking timed-out holds, writing due points expiries, compacting
 * old feed changes. Each chore is idempotent (expiry entries have ids derived from their lots,
 * compaction and hold expiry are plain updates), so several server instances on one PostgreSQL may
 * all run them. A failing chore is logged and retried at its next turn; it never stops the others.
 */
public final class Housekeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  /** One chore and how often it runs. */
  public record Chore(String name, Duration every, Runnable task) {}

  private final ScheduledExecutorService scheduler;

  private Housekeeping(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts the chores on one daemon thread; the first run of each comes after one interval. */
  public static Housekeeping start(List<Chore> chores) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "kassa-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    for (Chore chore : chores) {
      long millis = chore.every().toMillis();
      scheduler.scheduleWithFixedDelay(() -> run(chore), millis, millis, TimeUnit.MILLISECONDS);
    }
    return new Housekeeping(scheduler);
  }

  private static void run(Chore chore) {
    try {
      chore.task().run();
    } catch (RuntimeException e) {
      log.warn("housekeeping: {} failed, will retry at its next turn: {}{}", chore.name(), e,
          e.getCause() == null ? "" : " (" + e.getCause() + ")");
    }
  }

  /** Stops the chores and waits a little for a running one to end, before the database closes under it. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("housekeeping: a chore is still running after 10 s; closing anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
