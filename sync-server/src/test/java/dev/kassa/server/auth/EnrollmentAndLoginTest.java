package dev.kassa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.server.auth.store.AuditEvent;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnrollmentAndLoginTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEnrolmentCodeWorksOnceAndTheTokenIsNeverStored(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      TestHttp http = server.http();
      String code = http.post("/api/v1/admin/stores/" + TestServer.STORE + "/terminals", server.adminToken(),
          Map.of("id", "till-9", "name", "Till 9")).json().get("enrollmentCode").asText();

      TestHttp.Response first = http.post("/api/v1/terminals/enroll", null, Map.of("code", code.toLowerCase()));
      TestHttp.Response second = http.post("/api/v1/terminals/enroll", null, Map.of("code", code));

      assertThat(first.status()).isEqualTo(200);
      EnrollResponse enrolled = first.as(EnrollResponse.class);
      assertThat(enrolled.terminalId()).isEqualTo("till-9");
      assertThat(enrolled.storeId()).isEqualTo(TestServer.STORE);
      assertThat(enrolled.timeZone()).isEqualTo("Europe/Moscow");
      assertThat(second.status()).isEqualTo(401);
      assertThat(second.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
      assertThat(server.services().auth().countAudit(AuditEvent.ENROLL_FAILED)).isEqualTo(1);
      assertThat(server.services().auth().terminalByTokenHash(Tokens.hash(enrolled.token())))
          .contains(new Principal.Terminal("till-9", TestServer.STORE));
      assertThat(server.services().auth().terminalByTokenHash(enrolled.token())).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRevokedTerminalIsRefused(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      assertThat(server.http().get("/metrics", server.terminalToken()).status()).isEqualTo(403);
      server.http().post("/api/v1/admin/terminals/" + TestServer.TERMINAL + "/revoke", server.adminToken(), "");
      assertThat(server.http().get("/metrics", server.terminalToken()).status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void wrongPasswordsAreAuditedAndThrottled(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      Map<String, String> wrong = Map.of("username", TestServer.ADMIN_USER, "password", "guess");
      for (int i = 0; i < AuthRoutes.MAX_FAILURES; i++) {
        assertThat(server.http().post("/api/v1/auth/login", null, wrong).status()).isEqualTo(401);
      }
      TestHttp.Response throttled = server.http().post("/api/v1/auth/login", null,
          Map.of("username", TestServer.ADMIN_USER, "password", TestServer.ADMIN_PASSWORD));

      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.header("Retry-After")).isNotNull();
      assertThat(server.services().auth().countAudit(AuditEvent.LOGIN_FAILED)).isEqualTo(AuthRoutes.MAX_FAILURES);
      assertThat(server.services().auth().countAudit(AuditEvent.LOGIN_THROTTLED)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusalsOfProtectedRoutesAreAudited(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      server.http().get("/api/v1/admin/users", null);
      server.http().get("/api/v1/admin/users", server.terminalToken());
      assertThat(server.services().auth().countAudit(AuditEvent.UNAUTHENTICATED)).isEqualTo(1);
      assertThat(server.services().auth().countAudit(AuditEvent.FORBIDDEN)).isEqualTo(1);
    }
  }
}
