package dev.kassa.server.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.server.testing.Changes;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProgramPublishingTest {
  private static final String PROGRAMS = "/api/v1/admin/programs";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void publishesAValidProgramOnceAndServesItUnchanged(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      int version = DemoProgram.load().version();
      TestHttp.Response published = server.http().post(PROGRAMS, server.adminToken(), DemoProgram.json());
      TestHttp.Response again = server.http().post(PROGRAMS, server.adminToken(), DemoProgram.json());

      assertThat(published.status()).as(published.body()).isEqualTo(201);
      assertThat(again.status()).isEqualTo(409);
      assertThat(server.http().get(PROGRAMS + "/" + version, server.adminToken()).body())
          .isEqualTo(DemoProgram.json());
      assertThat(server.http().get(PROGRAMS, server.adminToken()).json().get(0).get("version").asInt())
          .isEqualTo(version);
      assertThat(Changes.count(server, "program")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesAnInvalidProgramNamingEachViolationByPath(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      String typo = DemoProgram.json().replaceFirst("\"name\"", "\"nmae\"");
      TestHttp.Response unknownField = server.http().post(PROGRAMS, server.adminToken(), typo);
      TestHttp.Response malformed = server.http().post(PROGRAMS, server.adminToken(), "{\"schema\": 1,");

      assertThat(unknownField.status()).isEqualTo(400);
      assertThat(unknownField.json().get("errors").get(0).get("field").asText()).contains("nmae");
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.json().get("errors")).isNotEmpty();
      assertThat(Changes.count(server, "program")).isZero();
    }
  }
}
