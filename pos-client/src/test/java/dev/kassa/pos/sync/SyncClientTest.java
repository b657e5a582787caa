package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncClientTest {
  private final MockWebServer server = new MockWebServer();
  private SyncClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    OkHttpClient http = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .readTimeout(5, TimeUnit.SECONDS)
        .build();
    client = new SyncClient(http, server.url("/"), () -> "secret-token");
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static PushRequest emptyPush() {
    return new PushRequest(SyncCodec.PROTOCOL_VERSION, UUID.randomUUID(), "T1", new ChainHead(0, ""), List.of());
  }

  private static MockResponse json(Object body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(SyncCodec.toJson(body));
  }

  @Test
  void pushSendsTheBatchWithTheBearerTokenAndDecodesTheAnswer() throws Exception {
    UUID id = UUID.randomUUID();
    server.enqueue(json(new PushResponse(1, List.of(new EventResult(id, EventResult.Outcome.ACCEPTED, null)),
        PushResponse.ChainStatus.CONTINUOUS, Hlc.of(1000, 0))));

    PushResponse answer = client.push(emptyPush());

    assertThat(answer.results()).extracting(EventResult::id).containsExactly(id);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/api/v1/sync/push");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer secret-token");
    assertThat(SyncCodec.fromJson(request.getBody().readByteArray(), PushRequest.class).terminalId()).isEqualTo("T1");
  }

  @Test
  void pullAsksForTheStreamAfterTheCursor() throws Exception {
    server.enqueue(json(new dev.kassa.model.sync.PullResponse(1, Stream.CATALOG, "c2", false, false, List.of())));
    assertThat(client.pull(Stream.CATALOG, "c1", 500).cursor()).isEqualTo("c2");
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/sync/pull/catalog?cursor=c1&limit=500");
  }

  @Test
  void serverErrorIsRetryable() {
    server.enqueue(new MockResponse().setResponseCode(500)
        .setBody("{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500}"));
    assertThatThrownBy(() -> client.push(emptyPush()))
        .isInstanceOf(SyncFailure.ServerError.class).hasMessageContaining("500");
  }

  @Test
  void busyServerSaysWhenToComeBack() {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"));
    assertThatThrownBy(() -> client.push(emptyPush()))
        .isInstanceOfSatisfying(SyncFailure.RetryLater.class,
            e -> assertThat(e.after()).isEqualTo(Duration.ofSeconds(7)));
  }

  /** RFC 9110 also allows a date; it is measured against the server's own Date, not the till's clock. */
  @Test
  void aRetryAfterDateIsMeasuredFromTheServersDate() {
    server.enqueue(new MockResponse().setResponseCode(503)
        .setHeader("Date", "Wed, 01 Jan 2020 12:00:00 GMT")
        .setHeader("Retry-After", "Wed, 01 Jan 2020 12:02:30 GMT"));
    assertThatThrownBy(() -> client.push(emptyPush()))
        .isInstanceOfSatisfying(SyncFailure.RetryLater.class,
            e -> assertThat(e.after()).isEqualTo(Duration.ofSeconds(150)));
  }

  @Test
  void aRetryAfterDateFarAheadIsCutToTheCap() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT"));
    assertThatThrownBy(() -> client.push(emptyPush()))
        .isInstanceOfSatisfying(SyncFailure.RetryLater.class,
            e -> assertThat(e.after()).isEqualTo(SyncClient.MAX_RETRY_AFTER));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      date in the past    | Sun, 06 Nov 1994 08:49:37 GMT | PT0S
      seconds             | 120                           | PT2M
      seconds beyond cap  | 86400                         | PT1H
      negative seconds    | -5                            |
      garbage             | soon                          |
      """)
  void retryAfterIsReadAsSecondsOrDate(String name, String header, Duration expected) {
    assertThat(SyncClient.retryAfter(header, Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(expected);
  }

  @Test
  void revokedTokenIsNotAuthorized() {
    server.enqueue(new MockResponse().setResponseCode(401)
        .setBody("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"token revoked\"}"));
    assertThatThrownBy(() -> client.push(emptyPush()))
        .isInstanceOf(SyncFailure.NotAuthorized.class).hasMessageContaining("token revoked");
  }

  @Test
  void garbageWithStatus200IsABadAnswer() {
    server.enqueue(new MockResponse().setBody("<html>captive portal</html>"));
    assertThatThrownBy(() -> client.push(emptyPush())).isInstanceOf(SyncFailure.BadAnswer.class);
  }

  @Test
  void anExpiredCursorAsksForASnapshot() {
    server.enqueue(new MockResponse().setResponseCode(410).setBody("{\"title\":\"cursor expired\",\"status\":410}"));
    assertThatThrownBy(() -> client.pull(Stream.CARDS, "old", 100)).isInstanceOf(SyncFailure.CursorExpired.class);
  }

  @Test
  void aConnectionDroppedAfterTheRequestIsUnreachable() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    assertThatThrownBy(() -> client.push(emptyPush())).isInstanceOf(SyncFailure.Unreachable.class);
  }

  @Test
  void aClientErrorIsARejectionNotARetry() {
    server.enqueue(new MockResponse().setResponseCode(400)
        .setBody("{\"title\":\"Bad request\",\"status\":400,\"detail\":\"events[0].payload.total: required\"}"));
    assertThatThrownBy(() -> client.push(emptyPush()))
        .isInstanceOfSatisfying(SyncFailure.Rejected.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("events[0].payload.total");
  }
}
