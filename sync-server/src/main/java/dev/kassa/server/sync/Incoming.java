package dev.kassa.server.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.sync.SyncFormatException;
import java.util.Arrays;
import java.util.UUID;

/**
 * One event of a pushed batch after decoding: either a well-formed {@code event} with its JSON
 * {@code body} as the terminal sent it (what the server stores), or a {@code rejection} saying why
 * it cannot be taken.
 */
public record Incoming(UUID id, SyncEvent event, byte[] body, String rejection) {
  public Incoming {
    requireNonNull(id, "id == null");
    if ((event == null) == (rejection == null)) {
      throw new IllegalArgumentException("exactly one of event and rejection");
    }
  }

  public static Incoming of(SyncEvent event, byte[] body) {
    return new Incoming(event.id(), event, requireNonNull(body, "body == null"), null);
  }

  public static Incoming rejected(UUID id, String reason) {
    return new Incoming(id, null, null, reason);
  }

  public boolean acceptable() {
    return rejection == null;
  }

  /**
   * Whether {@code storedBody}, the body stored for this id, is the same event: equal bytes, or
   * else equal decoded values (a retry may be formatted differently, or carry fields this server
   * version does not know; neither makes it another event). A body that no longer decodes is not.
   */
  public boolean sameEvent(byte[] storedBody) {
    if (storedBody == null) {
      return false;
    }
    if (Arrays.equals(body, storedBody)) {
      return true;
    }
    try {
      return event.equals(SyncCodec.fromJson(storedBody, SyncEvent.class));
    } catch (SyncFormatException e) {
      return false;
    }
  }

  /** The same event with a rejection found after decoding. */
  public Incoming reject(String reason) {
    return rejected(id, reason);
  }
}
