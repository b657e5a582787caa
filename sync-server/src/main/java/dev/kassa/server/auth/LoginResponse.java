package dev.kassa.server.auth;

import java.time.Instant;

/** A session: the bearer token (sent once, stored only as a hash) and who it belongs to. */
public record LoginResponse(String token, Instant expiresAt, String username, Role role, String storeId) {
  @Override
  public String toString() {
    return "LoginResponse[username=" + username + ", role=" + role + "]";
  }
}
