package dev.kassa.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncFormatException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies in and responses out through the protocol's one codec, so the server reads
 * exactly what the terminal writes. A malformed or invalid body is a 400 naming the field.
 */
public final class Json {
  private Json() {}

  public static <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw ApiException.badRequest(null, "request body is empty; expected JSON");
    }
    T value = SyncCodec.fromJson(bytes, type);
    if (value == null) {
      throw ApiException.badRequest(null, "request body is JSON null; expected a " + type.getSimpleName());
    }
    return value;
  }

  /** A JSON array body as a list of {@code type}. */
  public static <T> List<T> list(Context ctx, Class<T> type) {
    JsonNode tree = tree(ctx);
    if (!tree.isArray()) {
      throw ApiException.badRequest(null, "expected a JSON array");
    }
    List<T> items = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      try {
        items.add(SyncCodec.fromTree(tree.get(i), type));
      } catch (SyncFormatException e) {
        throw ApiException.badRequest("[" + i + "]" + (e.field().isEmpty() ? "" : "." + e.field()), e.getMessage());
      }
    }
    return items;
  }

  /**
   * The raw body, up to {@code maxBytes} (for uploads larger than the JSON limit, like a catalog);
   * more is a 413.
   */
  public static byte[] rawBody(Context ctx, long maxBytes) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ApiException(413, "http-413", "Request body too large",
            ProblemMapper.tooLarge(maxBytes), null, 0);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest(null, "could not read the request body");
    }
  }

  public static JsonNode tree(Context ctx) {
    return body(ctx, JsonNode.class);
  }

  public static void respond(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(SyncCodec.canonicalBytes(value));
  }

  public static void ok(Context ctx, Object value) {
    respond(ctx, 200, value);
  }
}
