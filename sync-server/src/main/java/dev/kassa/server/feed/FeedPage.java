package dev.kassa.server.feed;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import java.util.List;

/**
 * One page of a feed as the server sends it: the wire form of {@link PullResponse}, same
 * properties, same bytes, but each change's entity is the JSON text the feed stored, written as
 * it is. Parsing that text into a tree only to write it out again was most of the server's work
 * per page of a down-sync (a thousand entities a page, a thousand pages for a new terminal).
 */
public record FeedPage(int protocolVersion, Stream stream, String cursor, boolean snapshot, boolean hasMore,
    List<Item> changes) {

  public FeedPage {
    requireNonNull(stream, "stream == null");
    requireNonNull(cursor, "cursor == null");
    changes = List.copyOf(requireNonNull(changes, "changes == null"));
  }

  /**
   * A {@link dev.kassa.model.sync.Change} on the wire; {@code data} is JSON text written by the
   * server's own {@code ChangeLog} (never text from a client), or null for a tombstone.
   */
  public record Item(String kind, String key, boolean deleted, @JsonRawValue String data) {
    public Item {
      requireNonNull(kind, "kind == null");
      requireNonNull(key, "key == null");
      if (deleted != (data == null)) {
        throw new IllegalArgumentException(deleted ? "tombstone with data" : "change without data");
      }
    }
  }
}
