package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a change feed. The terminal applies {@code changes} and stores {@code cursor} in the
 * same local transaction, then asks again with it while {@code hasMore}. {@code snapshot} marks
 * pages of a full snapshot (a new terminal, or one whose cursor expired): when the last snapshot
 * page is applied, entities the snapshot did not mention are gone.
 */
public record PullResponse(
    int protocolVersion, Stream stream, String cursor, boolean snapshot, boolean hasMore, List<Change> changes) {

  public PullResponse {
    requireNonNull(stream, "stream == null");
    requireNonNull(cursor, "cursor == null");
    changes = List.copyOf(requireNonNull(changes, "changes == null"));
  }
}
