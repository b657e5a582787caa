package dev.kassa.server.admin;

import static java.util.Objects.requireNonNull;

import dev.kassa.server.auth.Role;

/** {@code POST /api/v1/admin/users}: a store manager names their store, nobody else does. */
public record UserRequest(String username, String password, Role role, String storeId) {
  public static final int MIN_PASSWORD = 10;

  public UserRequest {
    requireNonNull(username, "username == null");
    Ids.check(username, "username");
    requireNonNull(password, "password == null");
    if (password.length() < MIN_PASSWORD || password.length() > 200) {
      throw new IllegalArgumentException("password must be " + MIN_PASSWORD + "-200 characters");
    }
    requireNonNull(role, "role == null");
    if ((role == Role.STORE_MANAGER) != (storeId != null)) {
      throw new IllegalArgumentException("storeId is required for a store manager and only for one");
    }
  }

  @Override
  public String toString() {
    return "UserRequest[username=" + username + ", role=" + role + ", storeId=" + storeId + "]";
  }
}
