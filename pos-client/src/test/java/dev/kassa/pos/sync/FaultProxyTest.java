package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's faults are what the convergence tests rely on, so each is checked here. */
class FaultProxyTest {
  private HttpServer upstream;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicLong arrivedAt = new AtomicLong();
  private final OkHttpClient client = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(5, TimeUnit.SECONDS)
      .build();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(body);
      arrivedAt.set(System.nanoTime());
      byte[] reply = ("got " + body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Retry-After", "3");
      exchange.sendResponseHeaders(201, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    upstream.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private URI upstreamUri() {
    return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
  }

  private Response post(FaultProxy proxy, String body) throws IOException {
    return client.newCall(new Request.Builder()
        .url(proxy.uri().resolve("/push").toString())
        .post(RequestBody.create(body, MediaType.get("application/json")))
        .build()).execute();
  }

  @Test
  void withoutFaultsTheRequestAndItsAnswerPassUnchanged() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.none());
         Response response = post(proxy, "a")) {
      assertThat(response.code()).isEqualTo(201);
      assertThat(response.header("Retry-After")).isEqualTo("3");
      assertThat(response.body().string()).isEqualTo("got a");
      assertThat(seen).containsExactly("a");
    }
  }

  @Test
  void aRequestGetsTheFaultOfThePlanInForceWhenItArrivesEvenOnAnIdleKeptAliveConnection() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.DELAY))) {
      try (Response first = post(proxy, "c")) {
        assertThat(first.body().string()).isEqualTo("got c");
      }
      // the connection stays open, idle, while the plan changes
      proxy.plan(FaultPlan.always(FaultProxy.Fault.DUPLICATE));
      try (Response second = post(proxy, "d")) {
        assertThat(second.body().string()).isEqualTo("got d");
      }

      assertThat(client.connectionPool().connectionCount()).as("one kept-alive connection").isEqualTo(1);
      assertThat(seen).containsExactly("c", "d", "d");
      assertThat(proxy.count(FaultProxy.Fault.DELAY)).isEqualTo(1);
      assertThat(proxy.count(FaultProxy.Fault.DUPLICATE)).isEqualTo(1);
    }
  }

  @Test
  void aCutReplyReachesTheServerButNotTheClient() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.CUT_REPLY))) {
      assertThatThrownBy(() -> post(proxy, "b").close()).isInstanceOf(IOException.class);
      assertThat(seen).containsExactly("b");
    }
  }

  @Test
  void aResetAfterTheRequestNeverReachesTheServer() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.RESET_AFTER_REQUEST))) {
      assertThatThrownBy(() -> post(proxy, "c").close()).isInstanceOf(IOException.class);
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void aDroppedConnectionNeverReachesTheServer() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.DROP))) {
      assertThatThrownBy(() -> post(proxy, "d").close()).isInstanceOf(IOException.class);
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void aDuplicatedRequestReachesTheServerTwiceAndTheClientOnce() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.DUPLICATE));
         Response response = post(proxy, "e")) {
      assertThat(response.body().string()).isEqualTo("got e");
      assertThat(seen).containsExactly("e", "e");
    }
  }

  @Test
  void aDelayedRequestReachesTheServerOnlyAfterTheDelayAndIsAnsweredNormally() throws IOException {
    Duration delay = Duration.ofMillis(400);
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.DELAY))) {
      proxy.delay(delay);
      long sent = System.nanoTime();
      try (Response response = post(proxy, "h")) {
        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body().string()).isEqualTo("got h");
      }
      assertThat(Duration.ofNanos(arrivedAt.get() - sent)).isGreaterThanOrEqualTo(delay);
      assertThat(seen).containsExactly("h");
      assertThat(proxy.count(FaultProxy.Fault.DELAY)).isEqualTo(1);
    }
  }

  @Test
  void aHeldRequestIsOvertakenByALaterOne() throws Exception {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.always(FaultProxy.Fault.HOLD))) {
      CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call(proxy, "first"));
      org.awaitility.Awaitility.await().until(() -> proxy.count(FaultProxy.Fault.HOLD) == 1);
      proxy.plan(FaultPlan.none());
      assertThat(call(proxy, "second")).isEqualTo("got second");
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("got first");
      assertThat(seen).containsExactly("second", "first");
    }
  }

  @Test
  void aPartitionRefusesEverythingUntilItHeals() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.none())) {
      proxy.partition(true);
      assertThatThrownBy(() -> post(proxy, "f").close()).isInstanceOf(IOException.class);
      proxy.partition(false);
      try (Response response = post(proxy, "g")) {
        assertThat(response.body().string()).isEqualTo("got g");
      }
      assertThat(seen).containsExactly("g");
    }
  }

  @Test
  void aPartitionSetToStartAtARequestCutsOffThatRequestAndAllAfterIt() throws IOException {
    try (FaultProxy proxy = new FaultProxy(upstreamUri(), FaultPlan.none())) {
      proxy.partitionAt("/push", "sale");
      assertThat(call(proxy, "a shift")).isEqualTo("got a shift");
      assertThatThrownBy(() -> post(proxy, "a sale").close()).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> post(proxy, "another shift").close()).isInstanceOf(IOException.class);
      assertThat(seen).containsExactly("a shift");
      assertThat(proxy.refused()).isPositive();
    }
  }

  private String call(FaultProxy proxy, String body) {
    try (Response response = post(proxy, body)) {
      return response.body().string();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
