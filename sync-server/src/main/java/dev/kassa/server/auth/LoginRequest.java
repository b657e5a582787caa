package dev.kassa.server.auth;

import static java.util.Objects.requireNonNull;

/** {@code POST /api/v1/auth/login}. */
public record LoginRequest(String username, String password) {
  public LoginRequest {
    requireNonNull(username, "username == null");
    requireNonNull(password, "password == null");
    if (username.length() > 100 || password.length() > 200) {
      throw new IllegalArgumentException("username or password too long");
    }
  }

  @Override
  public String toString() {
    return "LoginRequest[username=" + username + "]";
  }
}
