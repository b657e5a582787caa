package dev.kassa.server.auth.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.admin.StoreInfo;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.auth.Role;
import dev.kassa.server.store.Database;
import dev.kassa.server.testing.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthStoreTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSessionStopsWorkingWhenItExpires(Engine engine) {
    try (Database db = engine.openDatabase()) {
      new AdminStore(db).createUser("u1", "olga", "hash", Role.OFFICE, null, 0);
      AuthStore auth = new AuthStore(db);
      auth.createSession("session-hash", "u1", 1_000, 2_000);

      assertThat(auth.userBySessionHash("session-hash", 1_999))
          .contains(new Principal.User("u1", "olga", Role.OFFICE, null));
      assertThat(auth.userBySessionHash("session-hash", 2_000)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEnrolmentCodeExpiresAndCannotBeUsedTwice(Engine engine) {
    try (Database db = engine.openDatabase()) {
      AdminStore admin = new AdminStore(db);
      admin.createStore(new StoreInfo("s1", "Store", "UTC", "RUB"), 0);
      admin.createTerminal("s1", "t1", "Till", "code-hash", 5_000, 0);
      admin.createTerminal("s1", "t2", "Till 2", "other-code-hash", 5_000, 0);
      AuthStore auth = new AuthStore(db);

      assertThat(auth.enroll("other-code-hash", "token-2", 5_000)).isEmpty();
      assertThat(auth.enroll("code-hash", "token-1", 4_999)).isPresent();
      assertThat(auth.enroll("code-hash", "token-x", 4_999)).isEmpty();
      assertThat(auth.terminalByTokenHash("token-1")).contains(new Principal.Terminal("t1", "s1"));
      assertThat(auth.terminalByTokenHash("token-x")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void countsOnlyRecentFailuresOfTheSameUser(Engine engine) {
    try (Database db = engine.openDatabase()) {
      AuthStore auth = new AuthStore(db);
      auth.audit(100, AuditEvent.LOGIN_FAILED.name(), "olga", "127.0.0.1", null);
      auth.audit(200, AuditEvent.LOGIN_FAILED.name(), "olga", "127.0.0.1", null);
      auth.audit(200, AuditEvent.LOGIN_FAILED.name(), "ivan", "127.0.0.1", null);
      auth.audit(300, AuditEvent.LOGIN.name(), "olga", "127.0.0.1", null);

      assertThat(auth.failedLoginsSince("olga", 150)).isEqualTo(1);
      assertThat(auth.failedLoginsSince("olga", 0)).isEqualTo(2);
    }
  }
}
