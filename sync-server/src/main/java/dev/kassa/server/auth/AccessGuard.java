package dev.kassa.server.auth;

import dev.kassa.server.auth.store.AuditEvent;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Route;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Enforces a route's {@link Access} before its handler runs, and puts the caller into the
 * context for {@link Principal#of}. Every 401 and 403 of a protected route, whether the guard or
 * the handler (a store check) refused, goes to the audit log.
 */
public final class AccessGuard {
  private final AuthStore store;
  private final Clock clock;
  private final String metricsTokenHash;

  /** {@code metricsToken} may be null: then only an admin can read /metrics. */
  public AccessGuard(AuthStore store, Clock clock, String metricsToken) {
    this.store = store;
    this.clock = clock;
    this.metricsTokenHash = metricsToken == null ? null : Tokens.hash(metricsToken);
  }

  public Handler wrap(Route route) {
    if (route.access() == Access.PUBLIC) {
      return route.handler();
    }
    return ctx -> {
      try {
        admit(ctx, route.access());
        route.handler().handle(ctx);
      } catch (ApiException e) {
        if (e.status() == 401 || e.status() == 403) {
          audit(ctx, e);
        }
        throw e;
      }
    };
  }

  private void admit(Context ctx, Access access) {
    String token = bearer(ctx);
    if (token == null) {
      throw ApiException.unauthorized("missing bearer token");
    }
    String hash = Tokens.hash(token);
    if (access == Access.METRICS && metricsTokenHash != null
        && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
            metricsTokenHash.getBytes(StandardCharsets.US_ASCII))) {
      return;
    }
    Principal principal = resolve(token, hash)
        .orElseThrow(() -> ApiException.unauthorized("unknown, expired or revoked token"));
    ctx.attribute(Principal.ATTRIBUTE, principal);
    if (!allows(access, principal)) {
      throw ApiException.forbidden("this call needs " + access.name().toLowerCase(java.util.Locale.ROOT)
          + " access");
    }
  }

  /** The prefix says where to look, so a request costs one indexed lookup. */
  private Optional<Principal> resolve(String token, String hash) {
    if (token.startsWith(Tokens.TERMINAL_PREFIX)) {
      return store.terminalByTokenHash(hash).map(Principal.class::cast);
    }
    if (token.startsWith(Tokens.SESSION_PREFIX)) {
      return store.userBySessionHash(hash, clock.millis()).map(Principal.class::cast);
    }
    return Optional.empty();
  }

  static boolean allows(Access access, Principal principal) {
    return switch (access) {
      case PUBLIC -> true;
      case TERMINAL -> principal instanceof Principal.Terminal;
      case ADMIN, METRICS -> principal instanceof Principal.User u && u.role() == Role.ADMIN;
      case OFFICE -> principal instanceof Principal.User u && u.role() != Role.STORE_MANAGER;
      case STORE_MANAGER -> principal instanceof Principal.User;
    };
  }

  private void audit(Context ctx, ApiException e) {
    Principal principal = ctx.attribute(Principal.ATTRIBUTE);
    String subject = null;
    if (principal instanceof Principal.User u) {
      subject = "user:" + u.username();
    } else if (principal instanceof Principal.Terminal t) {
      subject = "terminal:" + t.terminalId();
    }
    store.audit(clock.millis(), e.status() == 401 ? AuditEvent.UNAUTHENTICATED.name() : AuditEvent.FORBIDDEN.name(),
        subject, ctx.ip(), ctx.method() + " " + ctx.path() + ": " + e.detail());
  }

  /** The token of an {@code Authorization: Bearer ...} header, or null. */
  static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() || token.length() > 200 ? null : token;
  }
}
