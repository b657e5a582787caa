package dev.kassa.server.auth;

import static java.util.Objects.requireNonNull;

import dev.kassa.server.http.ApiException;
import io.javalin.http.Context;

/**
 * Who is calling, as established by the access guard from the bearer token before the handler
 * runs: a back-office user or an enrolled terminal. Handlers read it with {@link #of},
 * {@link #user} or {@link #terminal}; they never parse tokens themselves.
 */
public sealed interface Principal permits Principal.User, Principal.Terminal {
  String ATTRIBUTE = "kassa.principal";

  /** A logged-in person; {@code storeId} is set for a store manager only. */
  record User(String userId, String username, Role role, String storeId) implements Principal {
    public User {
      requireNonNull(userId, "userId == null");
      requireNonNull(username, "username == null");
      requireNonNull(role, "role == null");
      if ((role == Role.STORE_MANAGER) != (storeId != null)) {
        throw new IllegalArgumentException("a store manager, and only a store manager, has a store");
      }
    }

    /** Admin and office users see every store; a store manager only their own. */
    public boolean mayAccessStore(String store) {
      return role != Role.STORE_MANAGER || storeId.equals(store);
    }

    /** 403 unless this user may act for {@code store}. */
    public void requireStore(String store) {
      if (!mayAccessStore(store)) {
        throw ApiException.forbidden("user " + username + " may not act for store " + store);
      }
    }
  }

  /** An enrolled terminal; it acts for its own store only. */
  record Terminal(String terminalId, String storeId) implements Principal {
    public Terminal {
      requireNonNull(terminalId, "terminalId == null");
      requireNonNull(storeId, "storeId == null");
    }

    /** 403 unless {@code store} is this terminal's store. */
    public void requireStore(String store) {
      if (!storeId.equals(store)) {
        throw ApiException.forbidden("terminal " + terminalId + " may not act for store " + store);
      }
    }
  }

  /** The caller of a non-public route; 401 if the route is public and nobody logged in. */
  static Principal of(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    if (principal == null) {
      throw ApiException.unauthorized("no credentials");
    }
    return principal;
  }

  static User user(Context ctx) {
    if (of(ctx) instanceof User user) {
      return user;
    }
    throw ApiException.forbidden("this call is for back-office users");
  }

  static Terminal terminal(Context ctx) {
    if (of(ctx) instanceof Terminal terminal) {
      return terminal;
    }
    throw ApiException.forbidden("this call is for enrolled terminals");
  }
}
