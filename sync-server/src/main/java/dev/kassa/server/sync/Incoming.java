package dev.kassa.server.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.SyncEvent;
import java.util.UUID;

/**
 * One event of a pushed batch after decoding: either a well-formed {@code event} with its
 * canonical bytes, or a {@code rejection} saying why it cannot be taken.
 */
public record Incoming(UUID id, SyncEvent event, byte[] canonical, String rejection) {
  public Incoming {
    requireNonNull(id, "id == null");
    if ((event == null) == (rejection == null)) {
      throw new IllegalArgumentException("exactly one of event and rejection");
    }
  }

  public static Incoming of(SyncEvent event, byte[] canonical) {
    return new Incoming(event.id(), event, requireNonNull(canonical, "canonical == null"), null);
  }

  public static Incoming rejected(UUID id, String reason) {
    return new Incoming(id, null, null, reason);
  }

  public boolean acceptable() {
    return rejection == null;
  }

  /** The same event with a rejection found after decoding. */
  public Incoming reject(String reason) {
    return rejected(id, reason);
  }
}
