package dev.kassa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.http.Access;
import dev.kassa.server.http.Route;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadSheddingTest {

  @Test
  void pastTheCapARequestGets503WithRetryAfterWhileHealthStillAnswers() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Route slow = Route.get("/slow", Access.PUBLIC, ctx -> {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
      ctx.result("done");
    });
    try (TestServer server = TestServer.start(Engine.SQLITE, config -> config.withMaxConcurrentRequests(1))) {
      List<Route> routes = List.of(slow, Route.get("/health", Access.PUBLIC, ctx -> ctx.result("UP")));
      Javalin app = ServerApp.create(server.services(), routes).start(0);
      try {
        TestHttp http = new TestHttp("http://localhost:" + app.port());
        CompletableFuture<TestHttp.Response> first = CompletableFuture.supplyAsync(() -> http.get("/slow", null));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        TestHttp.Response shed = http.get("/slow", null);
        TestHttp.Response health = http.get("/health", null);
        release.countDown();

        assertThat(shed.status()).isEqualTo(503);
        assertThat(shed.header("Retry-After")).isEqualTo("1");
        assertThat(health.status()).isEqualTo(200);
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(http.get("/slow", null).status()).as("the slot is free again").isEqualTo(200);
      } finally {
        release.countDown();
        app.stop();
      }
    }
  }
}
