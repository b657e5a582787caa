package dev.kassa.server.feed;

import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeReader;
import dev.kassa.server.feed.store.FeedPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the pull feeds: a snapshot for an empty cursor, then the changes after the cursor, in
 * pages of at most {@link #MAX_LIMIT}. A cursor older than a deletion whose tombstone was compacted
 * away is {@link CursorExpired}: the terminal takes a snapshot again. Pages are {@link FeedPage}s, the
 * stored entity JSON passed through as it is.
 */
public final class FeedService {
  public static final int MAX_LIMIT = 1_000;

  /** The cursor is older than a tombstone that was compacted away. */
  public static final class CursorExpired extends RuntimeException {
    public CursorExpired() {
      super("cursor expired, take a snapshot");
    }
  }

  private final FeedPages pages;
  private final Map<Stream, Runnable> catchUp;

  public FeedService(FeedPages pages) {
    this(pages, Map.of());
  }

  /**
   * {@code catchUp}: per stream, what brings the stream up to date with every committed change
   * before it is read (the cards feed's entities are written after the moves that mark them).
   */
  public FeedService(FeedPages pages, Map<Stream, Runnable> catchUp) {
    this.pages = pages;
    this.catchUp = Map.copyOf(catchUp);
  }

  /** A page that begins a pull: see {@link #pull(Stream, String, String, int, boolean)}. */
  public FeedPage pull(Stream stream, String storeId, String cursorText, int limit) {
    return pull(stream, storeId, cursorText, limit, false);
  }

  /**
   * One page after {@code cursorText}. The stream is first brought up to date ({@code catchUp}) for
   * a page that begins a pull, so the pull shows everything committed before it. Not for a page
   * that goes on with one: what changed after a snapshot began comes in the pull after it, and a
   * page the terminal says is {@code continuing} the pages it just read (with the cursor the page
   * before answered) reads what the first page's catch-up published and anything published since,
   * so it need not wait for a publishing turn of its own.
   *
   * @throws IllegalArgumentException a bad limit or a cursor that is not one of this feed's
   */
  public FeedPage pull(Stream stream, String storeId, String cursorText, int limit, boolean continuing) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
    }
    if (cursorText == null || cursorText.isEmpty()) {
      catchUp(stream);
      return snapshotPage(stream, storeId, -1, null, null, limit);
    }
    FeedCursor cursor = FeedCursor.decode(stream, cursorText);
    if (cursor.snapshot()) {
      return snapshotPage(stream, storeId, cursor.seq(), cursor.afterKind(), cursor.afterKey(), limit);
    }
    if (!continuing) {
      catchUp(stream);
    }
    FeedPages.Read read = pages.after(stream, storeId, cursor.seq(), limit + 1);
    if (cursor.seq() < read.horizon()) {
      throw new CursorExpired();
    }
    boolean more = read.rows().size() > limit;
    List<ChangeReader.Row> rows = more ? read.rows().subList(0, limit) : read.rows();
    long last = rows.isEmpty() ? cursor.seq() : rows.get(rows.size() - 1).seq();
    return new FeedPage(SyncCodec.PROTOCOL_VERSION, stream, FeedCursor.following(stream, last).encode(), false,
        more, changes(rows));
  }

  private void catchUp(Stream stream) {
    catchUp.getOrDefault(stream, () -> { }).run();
  }

  private FeedPage snapshotPage(Stream stream, String storeId, long startSeq, String afterKind, String afterKey,
      int limit) {
    FeedPages.Read read = pages.snapshot(stream, storeId, startSeq, afterKind, afterKey, limit + 1);
    if (read.lastSeq() < read.horizon()) {
      throw new CursorExpired();
    }
    boolean more = read.rows().size() > limit;
    List<ChangeReader.Row> rows = more ? read.rows().subList(0, limit) : read.rows();
    String next;
    if (more) {
      ChangeReader.Row last = rows.get(rows.size() - 1);
      next = FeedCursor.snapshotAt(stream, read.lastSeq(), last.kind(), last.key()).encode();
    } else {
      next = FeedCursor.following(stream, read.lastSeq()).encode();
    }
    return new FeedPage(SyncCodec.PROTOCOL_VERSION, stream, next, true, more, changes(rows));
  }

  private static List<FeedPage.Item> changes(List<ChangeReader.Row> rows) {
    List<FeedPage.Item> changes = new ArrayList<>(rows.size());
    for (ChangeReader.Row row : rows) {
      changes.add(new FeedPage.Item(row.kind(), row.key(), row.deleted(), row.data()));
    }
    return changes;
  }
}
