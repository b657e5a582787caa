package dev.kassa.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthAndMetricsTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void healthNeedsNoTokenAndNamesTheEngine(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      TestHttp.Response health = server.http().get("/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("UP");
      assertThat(health.json().get("database").asText()).isEqualTo(engine.name());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void healthSaysDownWhenTheDatabaseIsGone(Engine engine) {
    TestServer server = TestServer.start(engine);
    try {
      server.services().db().close();
      TestHttp.Response health = server.http().get("/health", null);
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
      assertThat(health.json().get("status").asInt()).isEqualTo(503);
      assertThat(health.json().get("detail").asText()).startsWith("DOWN").contains(engine.name());
    } finally {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void metricsAreForAdminsAndTheScraperToken(Engine engine) {
    try (TestServer server = TestServer.start(engine, config -> config.withMetricsToken("scrape-me-0123456789"))) {
      server.http().get("/health", null);
      TestHttp.Response asAdmin = server.http().get("/metrics", server.adminToken());
      TestHttp.Response asScraper = server.http().get("/metrics", "scrape-me-0123456789");
      TestHttp.Response wrongToken = server.http().get("/metrics", "scrape-me-wrong");

      assertThat(asAdmin.status()).isEqualTo(200);
      assertThat(asAdmin.body()).contains("http_server_requests_seconds_count").contains("uri=\"/health\"")
          .contains("jvm_memory_used_bytes");
      assertThat(asScraper.status()).isEqualTo(200);
      assertThat(wrongToken.status()).isEqualTo(401);
    }
  }
}
