package dev.kassa.pos.sim;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.SyncCodec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The few office calls the simulator makes: log in, create terminals with enrollment codes, and
 * read back what the server holds (sales per terminal, card balances, conflicts) to compare with
 * the terminals. Errors are {@link AdminException}s naming the call and the server's answer.
 */
public final class AdminClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int ATTEMPTS = 10;
  private final OkHttpClient http;
  private final HttpUrl base;
  private final String token;

  private AdminClient(OkHttpClient http, HttpUrl base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** Logs in; the password is sent once and never logged. */
  public static AdminClient login(OkHttpClient http, HttpUrl base, String user, String password) {
    requireNonNull(user, "user == null");
    requireNonNull(password, "password == null");
    AdminClient anonymous = new AdminClient(http, base, null);
    JsonNode session = anonymous.call("POST", "api/v1/auth/login", Map.of("username", user, "password", password));
    return new AdminClient(http, base, session.path("token").asText());
  }

  /** The first store the office sees (the simulator sells in one store). */
  public String firstStore() {
    JsonNode stores = call("GET", "api/v1/admin/stores", null);
    if (!stores.isArray() || stores.isEmpty()) {
      throw new AdminException("the server has no store to simulate in");
    }
    return stores.get(0).path("id").asText();
  }

  /** Creates a terminal in {@code storeId}; answers its one-time enrollment code. */
  public String createTerminal(String storeId, String terminalId) {
    JsonNode created = call("POST", "api/v1/admin/stores/" + storeId + "/terminals",
        Map.of("id", terminalId, "name", "Simulated " + terminalId));
    return created.path("enrollmentCode").asText();
  }

  /** Credits or debits a card by an office adjustment (idempotent by {@code id}). */
  public void adjust(java.util.UUID id, String card, long points, String reason) {
    call("POST", "api/v1/admin/loyalty/cards/" + card + "/adjustments", Map.of("id", id.toString(), "points", points,
        "reason", reason));
  }

  /** Revokes a terminal's token (a stolen till): its next call is answered 401. */
  public void revoke(String terminalId) {
    call("POST", "api/v1/admin/terminals/" + terminalId + "/revoke", Map.of());
  }

  /** A new one-time enrollment code for an existing terminal. */
  public String newEnrollmentCode(String terminalId) {
    return call("POST", "api/v1/admin/terminals/" + terminalId + "/enrollment-code", Map.of()).path("enrollmentCode")
        .asText();
  }

  /** Imports products from the catalog CSV (all or nothing); answers the server's summary. */
  public JsonNode importCatalog(String csv) {
    return send("POST", "api/v1/admin/catalog/import", RequestBody.create(csv, MediaType.get("text/csv")));
  }

  /** Issues {@code count} new card numbers (at most 100,000 per batch). */
  public JsonNode issueCards(int count) {
    return call("POST", "api/v1/admin/cards/batches", Map.of("count", count));
  }

  public Map<String, Long> salesPerTerminal() {
    return SyncCodec.mapper().convertValue(call("GET", "api/v1/admin/sync/sales-per-terminal", null),
        new TypeReference<Map<String, Long>>() { });
  }

  public Map<String, Long> cardBalances() {
    return SyncCodec.mapper().convertValue(call("GET", "api/v1/admin/loyalty/balances", null),
        new TypeReference<Map<String, Long>>() { });
  }

  /** Every conflict the server recorded, as its JSON (id, cardNumber, triggerEntry, status...). */
  public List<JsonNode> conflicts() {
    JsonNode all = call("GET", "api/v1/admin/loyalty/conflicts", null);
    return SyncCodec.mapper().convertValue(all, new TypeReference<List<JsonNode>>() { });
  }

  /** Every sale whose points the server computed differently from the terminal, as its JSON. */
  public List<JsonNode> mismatches() {
    JsonNode all = call("GET", "api/v1/admin/loyalty/mismatches", null);
    return SyncCodec.mapper().convertValue(all, new TypeReference<List<JsonNode>>() { });
  }

  private JsonNode call(String method, String path, Object body) {
    return send(method, path, body == null ? null : RequestBody.create(SyncCodec.canonicalBytes(body), JSON));
  }

  /**
   * Sends a call, and again after the server's Retry-After while it answers 503 or 429 (a server
   * shedding load, or a busy database, has stored nothing), up to {@link #ATTEMPTS} times.
   */
  private JsonNode send(String method, String path, RequestBody body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return sendOnce(method, path, body);
      } catch (Refused refused) {
        if (attempt >= ATTEMPTS) {
          throw new AdminException(refused.getMessage());
        }
        try {
          Thread.sleep(refused.retryAfterSeconds * 1000L);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AdminException(method + " /" + path + " interrupted while the server was busy", e);
        }
      }
    }
  }

  private JsonNode sendOnce(String method, String path, RequestBody body) {
    Request.Builder request = new Request.Builder().url(base.newBuilder().addPathSegments(path).build());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.method(method, body);
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      if (response.code() == 503 || response.code() == 429) {
        throw new Refused(method + " /" + path + " answered " + response.code() + ": " + text,
            retryAfter(response.header("Retry-After")));
      }
      if (!response.isSuccessful()) {
        throw new AdminException(method + " /" + path + " answered " + response.code() + ": "
            + (text.length() > 300 ? text.substring(0, 300) : text));
      }
      return SyncCodec.mapper().readTree(text);
    } catch (IOException e) {
      throw new AdminException(method + " /" + path + " failed: " + e.getMessage(), e);
    }
  }

  private static int retryAfter(String header) {
    try {
      return header == null ? 1 : Math.max(1, Math.min(30, Integer.parseInt(header.trim())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The server refused for now (503 or 429) and said when to come back. */
  private static final class Refused extends RuntimeException {
    private final int retryAfterSeconds;

    Refused(String message, int retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  /** An admin call that did not work. */
  public static final class AdminException extends RuntimeException {
    AdminException(String message) {
      super(message);
    }

    AdminException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
