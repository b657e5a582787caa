package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a change feed: the current state of the entity {@code kind}/{@code key}
 * ("product"/"4600000000015"), or a tombstone when it was deleted ({@code data} is then null).
 * {@code data} is the entity's JSON, decoded by the receiver with {@link SyncCodec} according to
 * {@code kind}; a kind the receiver does not know is skipped, not an error.
 */
public record Change(String kind, String key, boolean deleted, JsonNode data) {
  public Change {
    requireNonNull(kind, "kind == null");
    requireNonNull(key, "key == null");
    if (deleted != (data == null)) {
      throw new IllegalArgumentException(deleted ? "tombstone with data" : "change without data");
    }
  }

  public static Change tombstone(String kind, String key) {
    return new Change(kind, key, true, null);
  }
}
