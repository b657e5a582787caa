package dev.kassa.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.SyncCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests: real sockets, JSON through the protocol codec. */
public final class TestHttp {
  /** An answer: status, content type and body. */
  public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return SyncCodec.fromJson(body, JsonNode.class);
    }

    public <T> T as(Class<T> type) {
      return SyncCodec.fromJson(body, type);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration timeout;

  public TestHttp(String base) {
    this(base, Duration.ofSeconds(30));
  }

  /** With a longer per-request timeout, for benchmarks sending large bodies. */
  public TestHttp(String base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  /** POSTs {@code body}: a String is sent as is, anything else as JSON. */
  public Response post(String path, String token, Object body) {
    return send(method("POST", path, token, body));
  }

  public Response send(String method, String path, String token, Object body) {
    return send(method(method, path, token, body));
  }

  private HttpRequest method(String method, String path, String token, Object body) {
    byte[] bytes = body == null ? new byte[0]
        : body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
        : body instanceof byte[] raw ? raw : SyncCodec.canonicalBytes(body);
    return request(path, token).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
