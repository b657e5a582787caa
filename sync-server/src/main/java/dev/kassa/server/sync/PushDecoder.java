package dev.kassa.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.sync.SyncFormatException;
import dev.kassa.model.sync.UnknownPayload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decodes a push body event by event, so that one malformed event is rejected on its own instead
 * of failing the batch. The batch itself must be well formed (a 400 otherwise), and so must each
 * event's id: without it there is nothing to answer about.
 */
public final class PushDecoder {
  private PushDecoder() {}

  /** The batch as decoded: its header and one {@link Incoming} per event, in request order. */
  public record Batch(int protocolVersion, UUID batchId, String terminalId, ChainHead chainHead,
      List<Incoming> events) {}

  public static Batch decode(byte[] body) {
    JsonNode root;
    try {
      root = SyncCodec.mapper().readTree(body);
    } catch (IOException e) {
      throw new SyncFormatException("", "malformed JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new SyncFormatException("", "a push is a JSON object", null);
    }
    int protocolVersion = field(root, "protocolVersion").isInt() ? root.get("protocolVersion").intValue() : -1;
    if (protocolVersion < 1) {
      throw new SyncFormatException("protocolVersion", "must be a positive integer", null);
    }
    UUID batchId = uuid(field(root, "batchId"), "batchId");
    JsonNode terminal = field(root, "terminalId");
    if (!terminal.isTextual() || terminal.asText().isBlank()) {
      throw new SyncFormatException("terminalId", "must be a non-empty string", null);
    }
    ChainHead head = PushJson.fromTree(field(root, "chainHead"), ChainHead.class);
    JsonNode events = field(root, "events");
    if (!events.isArray()) {
      throw new SyncFormatException("events", "must be an array", null);
    }
    List<Incoming> decoded = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      decoded.add(event(events.get(i), i));
    }
    return new Batch(protocolVersion, batchId, terminal.asText(), head, decoded);
  }

  private static Incoming event(JsonNode node, int index) {
    String place = "events[" + index + "]";
    if (!node.isObject()) {
      throw new SyncFormatException(place, "must be an object", null);
    }
    UUID id = uuid(node.path("id"), place + ".id");
    try {
      SyncEvent event = PushJson.fromTree(node, SyncEvent.class);
      if (event.payload() instanceof UnknownPayload) {
        String kind = node.path("payload").path("kind").asText("");
        return Incoming.rejected(id, "unknown kind: " + (kind.length() <= 40 ? kind : kind.substring(0, 40) + "..."));
      }
      return Incoming.of(event, SyncCodec.canonicalBytes(event));
    } catch (SyncFormatException e) {
      return Incoming.rejected(id, "invalid: " + e.getMessage());
    }
  }

  private static JsonNode field(JsonNode root, String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      throw new SyncFormatException(name, "missing", null);
    }
    return node;
  }

  private static UUID uuid(JsonNode node, String place) {
    if (!node.isTextual()) {
      throw new SyncFormatException(place, "must be a UUID string", null);
    }
    try {
      return UUID.fromString(node.asText());
    } catch (IllegalArgumentException e) {
      throw new SyncFormatException(place, "not a UUID", e);
    }
  }
}
