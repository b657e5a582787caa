package dev.kassa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.server.auth.store.AuditEvent;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.ServerPerEngine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One server per engine; each test uses its own terminals and users and counts audit entries as deltas. */
class EnrollmentAndLoginTest {
  private static final ServerPerEngine SERVERS = new ServerPerEngine();

  @AfterAll
  static void stop() {
    SERVERS.close();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEnrolmentCodeWorksOnceAndTheTokenIsNeverStored(Engine engine) {
    TestServer server = SERVERS.get(engine);
    AuthStore auth = server.services().auth();
    int failuresBefore = auth.countAudit(AuditEvent.ENROLL_FAILED);
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
    assertThat(auth.countAudit(AuditEvent.ENROLL_FAILED)).isEqualTo(failuresBefore + 1);
    assertThat(auth.terminalByTokenHash(Tokens.hash(enrolled.token())))
        .contains(new Principal.Terminal("till-9", TestServer.STORE));
    assertThat(auth.terminalByTokenHash(enrolled.token())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void guessingEnrolmentCodesIsThrottledPerAddressAndTheRefusalsAudited(Engine engine) {
    // its own server: the throttle would refuse the other tests' enrolments from this address
    try (TestServer server = TestServer.start(engine)) {
      AuthStore auth = server.services().auth();
      for (int i = 0; i < AuthRoutes.MAX_ENROLL_FAILURES; i++) {
        assertThat(server.http().post("/api/v1/terminals/enroll", null, Map.of("code", "GUESS-" + i)).status())
            .isEqualTo(401);
      }
      TestHttp.Response throttled = server.http().post("/api/v1/terminals/enroll", null, Map.of("code", "GUESS-X"));
      server.http().post("/api/v1/terminals/enroll", null, Map.of("code", "GUESS-Y"));

      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
      assertThat(throttled.header("Retry-After")).isNotNull();
      assertThat(auth.countAudit(AuditEvent.ENROLL_THROTTLED)).isEqualTo(2);
      assertThat(auth.countAudit(AuditEvent.ENROLL_FAILED)).as("throttled attempts do not prolong the throttle")
          .isEqualTo(AuthRoutes.MAX_ENROLL_FAILURES);
      assertThat(auth.recentAudit(1)).singleElement().satisfies(entry -> {
        assertThat(entry.event()).isEqualTo(AuditEvent.ENROLL_THROTTLED.name());
        assertThat(entry.remote()).isNotBlank();
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRevokedTerminalIsRefused(Engine engine) {
    TestServer server = SERVERS.get(engine);
    String token = server.createTerminal(TestServer.STORE, "till-revoked");
    String balance = "/api/v1/loyalty/cards/7700000000000018/balance";
    assertThat(server.http().get(balance, token).status()).isNotIn(401, 403);

    server.http().post("/api/v1/admin/terminals/till-revoked/revoke", server.adminToken(), "");

    assertThat(server.http().get(balance, token).status()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void wrongPasswordsAreAuditedAndThrottled(Engine engine) {
    TestServer server = SERVERS.get(engine);
    AuthStore auth = server.services().auth();
    server.userToken("guessed", Role.OFFICE, null);
    int failedBefore = auth.countAudit(AuditEvent.LOGIN_FAILED);
    int throttledBefore = auth.countAudit(AuditEvent.LOGIN_THROTTLED);
    Map<String, String> wrong = Map.of("username", "guessed", "password", "guess");
    for (int i = 0; i < AuthRoutes.MAX_FAILURES; i++) {
      assertThat(server.http().post("/api/v1/auth/login", null, wrong).status()).isEqualTo(401);
    }

    TestHttp.Response throttled = server.http().post("/api/v1/auth/login", null,
        Map.of("username", "guessed", "password", "password-of-guessed"));

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotNull();
    assertThat(auth.countAudit(AuditEvent.LOGIN_THROTTLED)).isEqualTo(throttledBefore + 1);
    assertThat(auth.countAudit(AuditEvent.LOGIN_FAILED)).isEqualTo(failedBefore + AuthRoutes.MAX_FAILURES);
    assertThat(auth.failedLoginsSince("guessed", 0)).isEqualTo(AuthRoutes.MAX_FAILURES);
    assertThat(server.login(TestServer.ADMIN_USER, TestServer.ADMIN_PASSWORD)).as("other users unaffected")
        .isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusalsOfProtectedRoutesAreAudited(Engine engine) {
    TestServer server = SERVERS.get(engine);
    AuthStore auth = server.services().auth();
    int unauthenticated = auth.countAudit(AuditEvent.UNAUTHENTICATED);
    int forbidden = auth.countAudit(AuditEvent.FORBIDDEN);

    server.http().get("/api/v1/admin/users", null);
    server.http().get("/api/v1/admin/users", server.terminalToken());

    assertThat(auth.countAudit(AuditEvent.UNAUTHENTICATED)).isEqualTo(unauthenticated + 1);
    assertThat(auth.countAudit(AuditEvent.FORBIDDEN)).isEqualTo(forbidden + 1);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aStoreScopeRefusalByTheHandlerIsAudited(Engine engine) {
    TestServer server = SERVERS.get(engine);
    AuthStore auth = server.services().auth();
    server.createStore("store-audit-" + engine.name().toLowerCase(java.util.Locale.ROOT));
    String foreignManager = server.userToken("manager-audit", Role.STORE_MANAGER,
        "store-audit-" + engine.name().toLowerCase(java.util.Locale.ROOT));
    int forbidden = auth.countAudit(AuditEvent.FORBIDDEN);

    TestHttp.Response refused = server.http().get("/api/v1/admin/stores/" + TestServer.STORE + "/terminals",
        foreignManager);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(auth.countAudit(AuditEvent.FORBIDDEN)).isEqualTo(forbidden + 1);
    assertThat(auth.recentAudit(1)).singleElement().satisfies(entry -> {
      assertThat(entry.event()).isEqualTo(AuditEvent.FORBIDDEN.name());
      assertThat(entry.subject()).isEqualTo("user:manager-audit");
      assertThat(entry.detail()).contains(TestServer.STORE);
    });
  }
}
