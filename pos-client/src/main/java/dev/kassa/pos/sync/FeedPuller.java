package dev.kassa.pos.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a stream to its end, reading one page ahead: while page n is applied (a local
 * transaction), page n+1 is already being fetched with the cursor page n's answer carries, so the
 * server's work and the terminal's overlap instead of taking turns (a fresh terminal's down-sync
 * is a thousand pages). Pages are still applied one by one, in order, on the caller's thread, each
 * with its own cursor; a page that fails to arrive is reported only after the page before it was
 * applied, exactly as if it had been asked for afterwards.
 *
 * <p>The page size is the agent's setting, or less when the store asks for less: the ledger's feed
 * store asks for small pages while a shift is open ({@link FeedStore#pageSize}).
 *
 * <p>Only the first page of a pull, asked for with the stored cursor, makes the server bring the
 * feed up to date first (the cards feed shows this till's pushes from then on); the pages after it
 * say they continue it. A pull cut short starts again from the stored cursor as a first page.
 */
final class FeedPuller {
  private static final Logger log = LoggerFactory.getLogger(FeedPuller.class);

  private final SyncClient client;
  private final FeedStore feeds;
  private final int configuredPageSize;
  private final ExecutorService fetcher;

  /** {@code fetcher} runs the read-ahead calls; the agent owns it. */
  FeedPuller(SyncClient client, FeedStore feeds, int pageSize, ExecutorService fetcher) {
    this.client = requireNonNull(client, "client == null");
    this.feeds = requireNonNull(feeds, "feeds == null");
    this.fetcher = requireNonNull(fetcher, "fetcher == null");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize < 1: " + pageSize);
    }
    this.configuredPageSize = pageSize;
  }

  /** The page size the store asks for now (smaller while the till trades), at most the setting. */
  private int pageSize() {
    return Math.max(1, Math.min(configuredPageSize, feeds.pageSize(configuredPageSize)));
  }

  void pullAll(Stream stream) throws SyncFailure {
    PullResponse page = fetchFromStoredCursor(stream);
    while (true) {
      if (page.stream() != stream) {
        throw new SyncFailure.BadAnswer("asked for " + stream.id() + ", got " + page.stream().id(), null);
      }
      String next = page.cursor();
      Future<PullResponse> ahead = null;
      if (page.hasMore()) {
        int size = pageSize();
        ahead = fetcher.submit(() -> client.pull(stream, next, size, true));
      }
      try {
        feeds.apply(page);
      } catch (RuntimeException | Error e) {
        if (ahead != null) {
          ahead.cancel(true);
        }
        throw e;
      }
      if (ahead == null) {
        return;
      }
      page = arrival(stream, ahead);
    }
  }

  private PullResponse fetchFromStoredCursor(Stream stream) throws SyncFailure {
    try {
      return client.pull(stream, feeds.cursor(stream), pageSize());
    } catch (SyncFailure.CursorExpired e) {
      return snapshotInstead(stream);
    }
  }

  private PullResponse snapshotInstead(Stream stream) throws SyncFailure {
    log.info("{} cursor expired, taking a snapshot", stream.id());
    feeds.resetCursor(stream);
    return client.pull(stream, feeds.cursor(stream), pageSize());
  }

  /**
   * The page fetched ahead. Its cursor is the one just stored with the page before, so an expired
   * cursor is handled as if the stored cursor had been used: reset, then a snapshot.
   */
  private PullResponse arrival(Stream stream, Future<PullResponse> ahead) throws SyncFailure {
    try {
      return ahead.get();
    } catch (InterruptedException e) {
      ahead.cancel(true);
      Thread.currentThread().interrupt();
      throw new SyncFailure.Unreachable(new InterruptedIOException("interrupted while waiting for a page"));
    } catch (CancellationException e) {
      throw new SyncFailure.Unreachable(new InterruptedIOException("page fetch cancelled"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SyncFailure.CursorExpired) {
        return snapshotInstead(stream);
      }
      if (cause instanceof SyncFailure failure) {
        throw failure;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("page fetch failed", cause);
    }
  }
}
