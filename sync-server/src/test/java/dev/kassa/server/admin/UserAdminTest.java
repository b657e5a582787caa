package dev.kassa.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.auth.Role;
import dev.kassa.server.auth.store.AuditEvent;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserAdminTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDisabledUserLosesTheirSessionAndCannotLogInAgain(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      String office = server.userToken("olga", Role.OFFICE, null);
      assertThat(server.http().get("/api/v1/admin/stores", office).status()).isEqualTo(200);

      TestHttp.Response disabled = server.http().post("/api/v1/admin/users/olga/disable", server.adminToken(), "");
      TestHttp.Response login = server.http().post("/api/v1/auth/login", null,
          Map.of("username", "olga", "password", "password-of-olga"));

      assertThat(disabled.status()).isEqualTo(204);
      assertThat(server.http().get("/api/v1/admin/stores", office).status()).isEqualTo(401);
      assertThat(login.status()).isEqualTo(401);
      assertThat(server.http().post("/api/v1/admin/users/" + TestServer.ADMIN_USER + "/disable",
          server.adminToken(), "").status()).isEqualTo(409);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void usersAreCreatedOnceWithValidRolesAndStores(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      Map<String, String> manager = Map.of("username", "ivan", "password", "long-enough-pw",
          "role", "STORE_MANAGER", "storeId", TestServer.STORE);
      assertThat(server.http().post("/api/v1/admin/users", server.adminToken(), manager).status()).isEqualTo(201);
      assertThat(server.http().post("/api/v1/admin/users", server.adminToken(), manager).status()).isEqualTo(409);
      assertThat(server.http().post("/api/v1/admin/users", server.adminToken(), Map.of("username", "x",
          "password", "long-enough-pw", "role", "STORE_MANAGER")).status()).isEqualTo(400);
      assertThat(server.http().post("/api/v1/admin/users", server.adminToken(), Map.of("username", "y",
          "password", "short", "role", "OFFICE")).status()).isEqualTo(400);
      assertThat(server.http().post("/api/v1/admin/users", server.adminToken(), Map.of("username", "z",
          "password", "long-enough-pw", "role", "ROOT")).status()).isEqualTo(400);
      TestHttp.Response audit = server.http().get("/api/v1/admin/audit?limit=5", server.adminToken());
      assertThat(audit.status()).isEqualTo(200);
      // newest first: the test server logged its admin in, then enrolled its terminal
      assertThat(audit.json().get(0).get("event").asText()).isEqualTo(AuditEvent.ENROLLED.name());
      assertThat(audit.json().get(1).get("event").asText()).isEqualTo(AuditEvent.LOGIN.name());
    }
  }
}
