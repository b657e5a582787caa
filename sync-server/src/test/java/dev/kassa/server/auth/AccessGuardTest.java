package dev.kassa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AccessGuardTest {

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(textBlock = """
      TERMINAL,      TERMINAL,      true
      TERMINAL,      STORE_MANAGER, false
      TERMINAL,      METRICS,       false
      ADMIN,         ADMIN,         true
      ADMIN,         OFFICE,        true
      ADMIN,         STORE_MANAGER, true
      ADMIN,         METRICS,       true
      ADMIN,         TERMINAL,      false
      OFFICE,        ADMIN,         false
      OFFICE,        OFFICE,        true
      OFFICE,        STORE_MANAGER, true
      OFFICE,        METRICS,       false
      STORE_MANAGER, OFFICE,        false
      STORE_MANAGER, STORE_MANAGER, true
      STORE_MANAGER, ADMIN,         false
      """)
  void allowsExactlyTheRolesOfEachAccessLevel(String caller, Access access, boolean allowed) {
    assertThat(AccessGuard.allows(access, principal(caller))).isEqualTo(allowed);
  }

  @Test
  void aStoreManagerActsForTheirOwnStoreOnly() {
    Principal.User manager = new Principal.User("u1", "olga", Role.STORE_MANAGER, "store-1");
    Principal.User office = new Principal.User("u2", "ivan", Role.OFFICE, null);

    assertThat(manager.mayAccessStore("store-1")).isTrue();
    assertThatThrownBy(() -> manager.requireStore("store-2"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(office.mayAccessStore("store-2")).isTrue();
  }

  @Test
  void aTerminalActsForItsOwnStoreOnly() {
    Principal.Terminal till = new Principal.Terminal("till-1", "store-1");
    till.requireStore("store-1");
    assertThatThrownBy(() -> till.requireStore("store-2"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  private static Principal principal(String caller) {
    return caller.equals("TERMINAL")
        ? new Principal.Terminal("till-1", "store-1")
        : new Principal.User("u", "someone", Role.valueOf(caller), caller.equals("STORE_MANAGER") ? "store-1" : null);
  }
}
