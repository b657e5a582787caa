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

  /** A snapshot page; {@code upToSeq} negative starts a new snapshot at the last committed seq. */
  public Read snapshot(Stream stream, String storeId, long upToSeq, String afterKind, String afterKey, int limit) {
    return tx.read(c -> {
      long horizon = reader.horizon(c);
      long at = upToSeq < 0 ? reader.lastSeq(c) : upToSeq;
      return new Read(reader.snapshot(c, stream, storeId, at, afterKind, afterKey, limit), horizon, at);
    });
  }

  /** Compacts changes older than {@code beforeMillis}; see {@link ChangeReader#compact}. */
  public int compact(long beforeMillis) {
    return tx.write(c -> reader.compact(c, beforeMillis));
  }
}
