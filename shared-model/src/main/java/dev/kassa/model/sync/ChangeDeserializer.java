package dev.kassa.model.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@link Change} like the record's own creator would (unknown properties skipped, missing
 * kind or key refused by the record), and when the input is the byte array {@link SyncCodec} was
 * given, keeps the exact bytes of {@code data} as its {@code wireText}: the parser's byte offsets
 * before and after the entity bracket the text the tree was built from.
 */
final class ChangeDeserializer extends StdDeserializer<Change> {
  /** Context attribute: the byte array being decoded, set by {@link SyncCodec#fromJson(byte[], Class)}. */
  static final String SOURCE = "dev.kassa.model.sync.sourceBytes";

  ChangeDeserializer() {
    super(Change.class);
  }

  @Override
  public Change deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return (Change) ctx.handleUnexpectedToken(Change.class, p);
    }
    String kind = null;
    String key = null;
    boolean deleted = false;
    JsonNode data = null;
    String wireText = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "kind" -> kind = text(p, ctx, field);
        case "key" -> key = text(p, ctx, field);
        case "deleted" -> {
          if (!value.isBoolean()) {
            ctx.reportInputMismatch(Change.class, "deleted is not a boolean: %s", value);
          }
          deleted = p.getBooleanValue();
        }
        case "data" -> {
          if (value == JsonToken.VALUE_NULL) {
            data = null;
            wireText = null;
          } else {
            boolean structured = value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY;
            long start = p.currentTokenLocation().getByteOffset();
            data = ctx.readTree(p);
            // after the tree, the parser stands on the closing bracket: the offset just past it ends the text
            wireText = structured ? slice(ctx.getAttribute(SOURCE), start, p.currentLocation().getByteOffset()) : null;
          }
        }
        default -> p.skipChildren();
      }
    }
    return new Change(kind, key, deleted, data, wireText);
  }

  private static String text(JsonParser p, DeserializationContext ctx, String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!p.currentToken().isScalarValue()) {
      ctx.reportInputMismatch(Change.class, "%s is not a string", field);
    }
    return p.getValueAsString();
  }

  /** The source bytes between the two offsets, or null when they are not known. */
  private static String slice(Object source, long start, long end) {
    if (!(source instanceof byte[] bytes) || start < 0 || end <= start || end > bytes.length) {
      return null;
    }
    return new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8);
  }
}
