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
    if (holdsNul(bytes, 0, bytes.length)) {
      throw ApiException.badRequest(null, NUL_RULE);
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

  /** What is read and thrown away of a body over its limit, so that the client gets to read the 413. */
  static final long SWALLOW_BYTES = 2L * 1024 * 1024;

  /**
   * The raw body, up to {@code maxBytes} (for uploads larger than the JSON limit, like a catalog);
   * more is a 413. The rest of such a body is read and dropped, up to {@link #SWALLOW_BYTES}: a
   * connection closed with the client's bytes still unread is reset, and the reset can throw away
   * the 413 before the client reads it (it then sees the connection drop instead, as a test did now
   * and then). Every 413 closes its connection ({@link ProblemMapper#write}).
   */
  public static byte[] rawBody(Context ctx, long maxBytes) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        swallow(in, SWALLOW_BYTES);
        throw new ApiException(413, "http-413", "Request body too large",
            ProblemMapper.tooLarge(maxBytes), null, 0);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest(null, "could not read the request body");
    }
  }

  /** Reads and drops up to {@code limit} bytes. */
  private static void swallow(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long dropped = 0;
    while (dropped < limit) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - dropped));
      if (n < 0) {
        break;
      }
      dropped += n;
    }
  }

  /** The rule a text with a NUL character breaks. */
  public static final String NUL_RULE = "text may not hold a NUL character (\\u0000)";

  /**
   * Whether the JSON in {@code json[from, to)} holds a NUL character, which JSON can only carry
   * escaped. No field has a use for one, and PostgreSQL refuses it in text (a 500 on one engine
   * and a stored NUL on the other), so it is refused before anything is stored.
   */
  public static boolean holdsNul(byte[] json, int from, int to) {
    for (int i = from; i + 5 < to; i++) {
      if (json[i] == '\\' && json[i + 1] == 'u' && json[i + 2] == '0' && json[i + 3] == '0' && json[i + 4] == '0'
          && json[i + 5] == '0') {
        // an escape only when this backslash is not itself escaped: an odd run of backslashes
        int run = 1;
        for (int j = i - 1; j >= from && json[j] == '\\'; j--) {
          run++;
        }
        if (run % 2 == 1) {
          return true;
        }
      }
    }
    return false;
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
