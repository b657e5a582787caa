package dev.kassa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.ServerPerEngine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile and broken requests: a clear 4xx problem, nothing stored, the server keeps serving. */
class BadInputTest {
  private static final ServerPerEngine SERVERS = new ServerPerEngine();
  private static final String STORES = "/api/v1/admin/stores";
  private static final String INJECTION = "x'); DROP TABLE stores; --";

  @AfterAll
  static void stop() {
    SERVERS.close();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void malformedJsonIsA400Problem(Engine engine) {
    TestServer server = SERVERS.get(engine);
    for (String body : new String[] {"{", "[]", "{\"name\": 1}", "null", "", "{\"id\":\"a\",\"name\":\"n\"} trailing"}) {
      TestHttp.Response answer = server.http().post(STORES, server.adminToken(), body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
      assertThat(answer.json().get("status").asInt()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("at dev.kassa", "Exception");
    }
    assertStillServing(server);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void wrongTypesAndMissingFieldsNameTheField(Engine engine) {
    TestServer server = SERVERS.get(engine);
    TestHttp.Response missing = server.http().post(STORES, server.adminToken(),
        Map.of("name", "Store", "currency", "RUB"));
    TestHttp.Response badZone = server.http().post(STORES, server.adminToken(),
        Map.of("name", "Store", "timeZone", "Mars/Olympus", "currency", "RUB"));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("timeZone");
    assertThat(badZone.status()).isEqualTo(400);
    assertThat(badZone.body()).contains("time zone");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void injectionStringsAreRefusedAsIdsAndStoredVerbatimAsText(Engine engine) {
    TestServer server = SERVERS.get(engine);
    TestHttp.Response asId = server.http().post(STORES, server.adminToken(),
        Map.of("id", INJECTION, "name", "n", "timeZone", "UTC", "currency", "RUB"));
    TestHttp.Response asName = server.http().post(STORES, server.adminToken(),
        Map.of("id", "inj-" + engine.name().toLowerCase(), "name", INJECTION, "timeZone", "UTC", "currency", "RUB"));
    TestHttp.Response asUser = server.http().post("/api/v1/auth/login", null,
        Map.of("username", INJECTION, "password", INJECTION));

    assertThat(asId.status()).isEqualTo(400);
    assertThat(asName.status()).isEqualTo(201);
    assertThat(asUser.status()).isEqualTo(401);
    assertThat(new AdminStore(server.services().db()).stores())
        .anySatisfy(store -> assertThat(store.name()).isEqualTo(INJECTION));
    assertStillServing(server);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anOversizedBodyIsA413Problem(Engine engine) {
    try (TestServer server = TestServer.start(engine, config -> config.withMaxRequestBytes(4096))) {
      String huge = "{\"name\": \"" + "x".repeat(10_000) + "\", \"timeZone\": \"UTC\", \"currency\": \"RUB\"}";
      TestHttp.Response answer = server.http().post(STORES, server.adminToken(), huge);

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
      assertStillServing(server);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void unknownRoutesAreProblemsToo(Engine engine) {
    TestServer server = SERVERS.get(engine);
    TestHttp.Response answer = server.http().get("/api/v1/nothing-here", server.adminToken());
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
  }

  private static void assertStillServing(TestServer server) {
    assertThat(server.http().get("/health", null).status()).isEqualTo(200);
  }
}
