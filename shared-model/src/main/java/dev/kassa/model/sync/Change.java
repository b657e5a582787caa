package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Objects;

/**
 * One item of a change feed: the current state of the entity {@code kind}/{@code key}
 * ("product"/"4600000000015"), or a tombstone when it was deleted ({@code data} is then null).
 * {@code data} is the entity's JSON, decoded by the receiver with {@link SyncCodec} according to
 * {@code kind}; a kind the receiver does not know is skipped, not an error.
 *
 * <p>{@code wireText} is the text {@code data} was parsed from, when {@link SyncCodec} decoded
 * this change from bytes (null otherwise, never sent): a terminal storing a million entities of a
 * down-sync keeps that text instead of writing each tree out again. It is not part of the value:
 * two changes with equal data are equal.
 */
@JsonDeserialize(using = ChangeDeserializer.class)
public record Change(String kind, String key, boolean deleted, JsonNode data, @JsonIgnore String wireText) {
  public Change {
    requireNonNull(kind, "kind == null");
    requireNonNull(key, "key == null");
    if (deleted != (data == null)) {
      throw new IllegalArgumentException(deleted ? "tombstone with data" : "change without data");
    }
    if (wireText != null && data == null) {
      throw new IllegalArgumentException("wire text without data");
    }
  }

  public Change(String kind, String key, boolean deleted, JsonNode data) {
    this(kind, key, deleted, data, null);
  }

  public static Change tombstone(String kind, String key) {
    return new Change(kind, key, true, null);
  }

  /** The entity's JSON text: as it arrived when known, else {@code data} written by {@link SyncCodec}. */
  public String dataJson() {
    if (data == null) {
      return null;
    }
    return wireText != null ? wireText : SyncCodec.toJson(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Change c && deleted == c.deleted && kind.equals(c.kind) && key.equals(c.key)
        && Objects.equals(data, c.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key, deleted, data);
  }

  @Override
  public String toString() {
    return "Change[kind=" + kind + ", key=" + key + ", deleted=" + deleted + ", data=" + data + "]";
  }
}
