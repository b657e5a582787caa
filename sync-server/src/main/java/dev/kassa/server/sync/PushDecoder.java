package dev.kassa.server.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.sync.SyncFormatException;
import dev.kassa.model.sync.UnknownPayload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Decodes a push body event by event, so that one malformed event is rejected on its own instead
 * of failing the batch. The batch itself must be well formed JSON (a 400 otherwise), and so must each
 * event's id: without it there is nothing to answer about.
 *
 * <p>Fast path, because decoding was most of the server's CPU per pushed sale: one streaming pass
 * over the body reads the header fields and binds each event to a {@link SyncEvent} where it stands,
 * noting its bytes. Those bytes, as the terminal sent them, are what the server stores for the event;
 * a repeated id is compared by decoded value ({@link Incoming#sameEvent}). When an event does not
 * bind, the body is read again: the pass then only finds each event's bytes, each event is bound on
 * its own, and the one that fails is read as a tree to reject it with the reason {@link SyncCodec}
 * gives.
 */
public final class PushDecoder {
  private PushDecoder() {}

  /** The batch as decoded: its header and one {@link Incoming} per event, in request order. */
  public record Batch(int protocolVersion, UUID batchId, String terminalId, ChainHead chainHead,
      List<Incoming> events) {}

  /** Where one event's JSON object lies in the body, and the event when it was bound in place. */
  private record Slice(int from, int length, SyncEvent bound) {}

  /** Binding in place failed: the parser's state is unknown, so the body is decoded again. */
  private static final class BindAgain extends RuntimeException {
    BindAgain() {
      super(null, null, false, false);
    }
  }

  public static Batch decode(byte[] body) {
    try {
      return decode(body, true);
    } catch (BindAgain e) {
      return decode(body, false);
    }
  }

  /**
   * With {@code bindInPlace}, each event is bound as the one pass over the body reaches it (the
   * common case: one tokenization in all); without, the pass only finds each event's bytes and
   * each is bound on its own, so that one that does not bind is rejected alone.
   */
  private static Batch decode(byte[] body, boolean bindInPlace) {
    Integer protocolVersion = null;
    boolean protocolVersionSeen = false;
    String batchIdText = null;
    boolean batchIdSeen = false;
    String terminalId = null;
    boolean terminalSeen = false;
    Slice chainHead = null;
    boolean chainHeadSeen = false;
    List<Slice> events = null;
    boolean eventsSeen = false;
    try (JsonParser p = SyncCodec.mapper().getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SyncFormatException("", "a push is a JSON object", null);
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "protocolVersion" -> {
            protocolVersionSeen = value != JsonToken.VALUE_NULL;
            protocolVersion = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                ? p.getIntValue() : null;
          }
          case "batchId" -> {
            batchIdSeen = value != JsonToken.VALUE_NULL;
            batchIdText = value == JsonToken.VALUE_STRING ? p.getText() : null;
          }
          case "terminalId" -> {
            terminalSeen = value != JsonToken.VALUE_NULL;
            terminalId = value == JsonToken.VALUE_STRING ? p.getText() : null;
          }
          case "chainHead" -> {
            chainHeadSeen = value != JsonToken.VALUE_NULL;
            chainHead = slice(p);
          }
          case "events" -> {
            eventsSeen = value != JsonToken.VALUE_NULL;
            events = value == JsonToken.START_ARRAY ? elements(p, bindInPlace) : null;
            if (events == null) {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new SyncFormatException("", "malformed JSON", null);
      }
    } catch (IOException e) {
      throw new SyncFormatException("", "malformed JSON", e);
    }
    if (!protocolVersionSeen) {
      throw new SyncFormatException("protocolVersion", "missing", null);
    }
    if (protocolVersion == null || protocolVersion < 1) {
      throw new SyncFormatException("protocolVersion", "must be a positive integer", null);
    }
    if (!batchIdSeen) {
      throw new SyncFormatException("batchId", "missing", null);
    }
    UUID batchId = uuid(batchIdText, "batchId");
    if (!terminalSeen) {
      throw new SyncFormatException("terminalId", "missing", null);
    }
    if (terminalId == null || terminalId.isBlank()) {
      throw new SyncFormatException("terminalId", "must be a non-empty string", null);
    }
    if (!chainHeadSeen) {
      throw new SyncFormatException("chainHead", "missing", null);
    }
    ChainHead head = PushJson.fromTree(tree(body, chainHead), ChainHead.class);
    if (!eventsSeen) {
      throw new SyncFormatException("events", "missing", null);
    }
    if (events == null) {
      throw new SyncFormatException("events", "must be an array", null);
    }
    List<Incoming> decoded = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      decoded.add(event(body, events.get(i), i));
    }
    return new Batch(protocolVersion, batchId, terminalId, head, decoded);
  }

  /** The array's elements, each an object; the parser is left on the array's end. */
  private static List<Slice> elements(JsonParser p, boolean bindInPlace) throws IOException {
    List<Slice> slices = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw new SyncFormatException("events[" + slices.size() + "]", "must be an object", null);
      }
      slices.add(bindInPlace ? bound(p) : slice(p));
    }
    return slices;
  }

  /** The event the parser is on, bound where it stands; {@link BindAgain} when it does not bind. */
  private static Slice bound(JsonParser p) {
    long from = p.currentTokenLocation().getByteOffset();
    SyncEvent event;
    try {
      event = PushJson.event(p);
    } catch (IOException | RuntimeException e) {
      throw new BindAgain();
    }
    long to = p.currentLocation().getByteOffset();
    return new Slice((int) from, (int) (to - from), event);
  }

  /** The bytes of the value the parser is on, which it skips. */
  private static Slice slice(JsonParser p) throws IOException {
    long from = p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    p.finishToken();
    long to = p.currentLocation().getByteOffset();
    return new Slice((int) from, (int) (to - from), null);
  }

  private static Incoming event(byte[] body, Slice slice, int index) {
    byte[] bytes = Arrays.copyOfRange(body, slice.from(), slice.from() + slice.length());
    try {
      SyncEvent event = slice.bound() != null ? slice.bound() : PushJson.event(bytes, 0, bytes.length);
      if (!(event.payload() instanceof UnknownPayload)) {
        return Incoming.of(event, bytes);
      }
    } catch (IOException | RuntimeException e) {
      // not bindable as it stands: read it again below, for the id and SyncCodec's reason
    }
    return slowEvent(tree(body, slice), bytes, index);
  }

  private static Incoming slowEvent(JsonNode node, byte[] bytes, int index) {
    String place = "events[" + index + "]";
    UUID id = uuid(node.path("id").isTextual() ? node.path("id").asText() : null, place + ".id");
    try {
      SyncEvent event = PushJson.fromTree(node, SyncEvent.class);
      if (event.payload() instanceof UnknownPayload) {
        String kind = node.path("payload").path("kind").asText("");
        return Incoming.rejected(id, "unknown kind: " + (kind.length() <= 40 ? kind : kind.substring(0, 40) + "..."));
      }
      return Incoming.of(event, bytes);
    } catch (SyncFormatException e) {
      return Incoming.rejected(id, "invalid: " + e.getMessage());
    }
  }

  private static JsonNode tree(byte[] body, Slice slice) {
    try {
      return SyncCodec.mapper().readTree(body, slice.from(), slice.length());
    } catch (IOException e) {
      throw new SyncFormatException("", "malformed JSON", e);
    }
  }

  private static UUID uuid(String text, String place) {
    if (text == null) {
      throw new SyncFormatException(place, "must be a UUID string", null);
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new SyncFormatException(place, "not a UUID", e);
    }
  }
}
