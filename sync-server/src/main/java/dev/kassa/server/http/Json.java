package dev.kassa.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.SyncCodec;
import io.javalin.http.Context;

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
    return SyncCodec.fromJson(bytes, type);
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
