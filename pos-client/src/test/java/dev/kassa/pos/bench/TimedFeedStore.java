package dev.kassa.pos.bench;

import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.pos.sync.FeedStore;

/**
 * The ledger's feed store with a stopwatch on {@link #apply}: the benchmark splits the pull time
 * into the terminal's own share (SQLite writes) and the rest (HTTP, JSON, the server's reads).
 */
final class TimedFeedStore implements FeedStore {
  private final FeedStore inner;
  private long applyNanos;
  private int pages;

  TimedFeedStore(FeedStore inner) {
    this.inner = inner;
  }

  @Override
  public String cursor(Stream stream) {
    return inner.cursor(stream);
  }

  @Override
  public void apply(PullResponse page) {
    long start = System.nanoTime();
    inner.apply(page);
    applyNanos += System.nanoTime() - start;
    pages++;
  }

  @Override
  public void resetCursor(Stream stream) {
    inner.resetCursor(stream);
  }

  @Override
  public int openConflicts() {
    return inner.openConflicts();
  }

  @Override
  public int pageSize(int configured) {
    return inner.pageSize(configured);
  }

  double applySeconds() {
    return applyNanos / 1e9;
  }

  int pages() {
    return pages;
  }
}
