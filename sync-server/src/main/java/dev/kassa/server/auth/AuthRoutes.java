package dev.kassa.server.auth;

import dev.kassa.model.sync.EnrollRequest;
import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.server.Services;
import dev.kassa.server.auth.store.AuditEvent;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Log-in for back-office users and enrolment for terminals: the two public routes that hand out
 * tokens. Both audit every failure; logins are throttled per user name, enrolments per remote
 * address (the throttles count the audit log, so they hold across server instances).
 */
public final class AuthRoutes {
  /** After this many failures within {@link #THROTTLE_WINDOW}, a user name is refused for a while. */
  static final int MAX_FAILURES = 10;
  static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
  /** Failed enrolments per remote address within {@link #THROTTLE_WINDOW} before it is refused for a while. */
  static final int MAX_ENROLL_FAILURES = 20;

  private final AuthStore store;
  private final PasswordHasher passwords;
  private final Clock clock;
  private final Duration sessionTtl;

  private AuthRoutes(Services services) {
    this.store = services.auth();
    this.passwords = services.passwords();
    this.clock = services.clock();
    this.sessionTtl = services.config().sessionTtl();
  }

  public static List<Route> routes(Services services) {
    AuthRoutes auth = new AuthRoutes(services);
    return List.of(
        Route.post("/api/v1/auth/login", Access.PUBLIC, auth::login),
        Route.post("/api/v1/auth/logout", Access.STORE_MANAGER, auth::logout),
        Route.post("/api/v1/terminals/enroll", Access.PUBLIC, auth::enroll));
  }

  void login(Context ctx) {
    LoginRequest request = Json.body(ctx, LoginRequest.class);
    long now = clock.millis();
    if (store.failedLoginsSince(request.username(), now - THROTTLE_WINDOW.toMillis()) >= MAX_FAILURES) {
      store.audit(now, AuditEvent.LOGIN_THROTTLED.name(), request.username(), ctx.ip(), "too many failures");
      throw ApiException.tooManyRequests("too many failed log-ins for this user; try again later",
          THROTTLE_WINDOW.toSeconds());
    }
    Optional<AuthStore.Credentials> credentials = store.credentials(request.username());
    boolean ok;
    if (credentials.isPresent()) {
      ok = passwords.matches(request.password(), credentials.get().passwordHash()) && !credentials.get().disabled();
    } else {
      passwords.dummyCheck(request.password());
      ok = false;
    }
    if (!ok) {
      store.audit(now, AuditEvent.LOGIN_FAILED.name(), request.username(), ctx.ip(), "wrong user name or password");
      throw ApiException.unauthorized("wrong user name or password");
    }
    String token = Tokens.newToken(Tokens.SESSION_PREFIX);
    Instant expires = Instant.ofEpochMilli(now).plus(sessionTtl);
    AuthStore.Credentials user = credentials.get();
    store.createSession(Tokens.hash(token), user.userId(), now, expires.toEpochMilli());
    store.audit(now, AuditEvent.LOGIN.name(), user.username(), ctx.ip(), null);
    Json.ok(ctx, new LoginResponse(token, expires, user.username(), user.role(), user.storeId()));
  }

  void logout(Context ctx) {
    store.deleteSession(Tokens.hash(AccessGuard.bearer(ctx)));
    ctx.status(204);
  }

  void enroll(Context ctx) {
    EnrollRequest request = Json.body(ctx, EnrollRequest.class);
    long now = clock.millis();
    if (store.failedEnrollmentsSince(ctx.ip(), now - THROTTLE_WINDOW.toMillis()) >= MAX_ENROLL_FAILURES) {
      // a kind of its own: the throttle counts ENROLL_FAILED, so refused attempts do not prolong it
      store.audit(now, AuditEvent.ENROLL_THROTTLED.name(), null, ctx.ip(), "too many failures");
      throw ApiException.tooManyRequests("too many failed enrolments from this address; try again later",
          THROTTLE_WINDOW.toSeconds());
    }
    String code = Tokens.normalizeCode(request.code());
    String token = Tokens.newToken(Tokens.TERMINAL_PREFIX);
    Optional<AuthStore.Enrolled> enrolled = code.isEmpty() || code.length() > 64
        ? Optional.empty() : store.enroll(Tokens.hash(code), Tokens.hash(token), now);
    if (enrolled.isEmpty()) {
      store.audit(now, AuditEvent.ENROLL_FAILED.name(), null, ctx.ip(), "unknown, used or expired code");
      throw ApiException.unauthorized("unknown, used or expired enrolment code");
    }
    AuthStore.Enrolled terminal = enrolled.get();
    store.audit(now, AuditEvent.ENROLLED.name(), "terminal:" + terminal.terminalId(), ctx.ip(), null);
    Json.ok(ctx, new EnrollResponse(terminal.storeId(), terminal.storeName(), terminal.terminalId(),
        terminal.timeZone(), terminal.currency(), token));
  }
}
