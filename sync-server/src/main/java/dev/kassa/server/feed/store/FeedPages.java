package dev.kassa.server.feed.store;

import dev.kassa.model.sync.Stream;
import dev.kassa.server.sync.store.Transactions;
import java.util.List;

/** The feed reads the pull service needs, each on one read connection. */
public final class FeedPages {
  /** Rows of a page and the feed's horizon and last seq as seen by the same read. */
  public record Read(List<ChangeReader.Row> rows, long horizon, long lastSeq) {}

  private final Transactions tx;
  private final ChangeReader reader = new ChangeReader();

  public FeedPages(Transactions tx) {
    this.tx = tx;
  }

  public Read after(Stream stream, String storeId, long afterSeq, int limit) {
    return tx.read(c -> {
      long horizon = reader.horizon(c);
      return new Read(reader.after(c, stream, storeId, afterSeq, limit), horizon, -1);
    });
  }

  /**
   * A snapshot page; {@code startSeq} is the seq the snapshot began at (the pull after it starts
   * there), negative to begin one now, at the last committed seq.
   */
  public Read snapshot(Stream stream, String storeId, long startSeq, String afterKind, String afterKey, int limit) {
    return tx.read(c -> {
      long horizon = reader.horizon(c);
      long at = startSeq < 0 ? reader.lastSeq(c) : startSeq;
      return new Read(reader.snapshot(c, stream, storeId, afterKind, afterKey, limit), horizon, at);
    });
  }

  /** Removes tombstones older than {@code beforeMillis}; see {@link ChangeReader#compact}. */
  public int compact(long beforeMillis) {
    return tx.write(c -> reader.compact(c, beforeMillis));
  }
}
