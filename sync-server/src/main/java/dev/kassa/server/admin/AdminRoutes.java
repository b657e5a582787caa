package dev.kassa.server.admin;

import dev.kassa.model.id.UuidV7;
import dev.kassa.server.Services;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.auth.Tokens;
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

/**
 * Stores, terminals with their one-time enrolment codes, and back-office users. Creating things is
 * for admins; the office reads every store, a store manager reads their own.
 */
public final class AdminRoutes {
  private final AdminStore store;
  private final AuthStore audit;
  private final PasswordHasher passwords;
  private final Clock clock;
  private final Duration codeTtl;

  private AdminRoutes(Services services) {
    this.store = new AdminStore(services.db());
    this.audit = services.auth();
    this.passwords = services.passwords();
    this.clock = services.clock();
    this.codeTtl = services.config().enrollmentCodeTtl();
  }

  public static List<Route> routes(Services services) {
    AdminRoutes admin = new AdminRoutes(services);
    return List.of(
        Route.get("/api/v1/admin/stores", Access.OFFICE, admin::listStores),
        Route.post("/api/v1/admin/stores", Access.ADMIN, admin::createStore),
        Route.get("/api/v1/admin/stores/{storeId}/terminals", Access.STORE_MANAGER, admin::listTerminals),
        Route.post("/api/v1/admin/stores/{storeId}/terminals", Access.ADMIN, admin::createTerminal),
        Route.post("/api/v1/admin/terminals/{terminalId}/enrollment-code", Access.ADMIN, admin::newCode),
        Route.post("/api/v1/admin/terminals/{terminalId}/revoke", Access.ADMIN, admin::revoke),
        Route.get("/api/v1/admin/users", Access.ADMIN, admin::listUsers),
        Route.post("/api/v1/admin/users", Access.ADMIN, admin::createUser),
        Route.post("/api/v1/admin/users/{username}/disable", Access.ADMIN, admin::disableUser),
        Route.get("/api/v1/admin/audit", Access.ADMIN, admin::audit));
  }

  void listStores(Context ctx) {
    Json.ok(ctx, store.stores());
  }

  void createStore(Context ctx) {
    StoreRequest request = Json.body(ctx, StoreRequest.class);
    StoreInfo info = new StoreInfo(request.id(), request.name(), request.timeZone(), request.currency());
    if (!store.createStore(info, clock.millis())) {
      throw ApiException.conflict("id", "store " + request.id() + " exists");
    }
    Json.respond(ctx, 201, info);
  }

  void listTerminals(Context ctx) {
    String storeId = ctx.pathParam("storeId");
    Principal.user(ctx).requireStore(storeId);
    if (!store.storeExists(storeId)) {
      throw ApiException.notFound("no store " + storeId);
    }
    Json.ok(ctx, store.terminals(storeId));
  }

  void createTerminal(Context ctx) {
    String storeId = ctx.pathParam("storeId");
    TerminalRequest request = Json.body(ctx, TerminalRequest.class);
    String code = Tokens.newEnrollmentCode();
    Instant now = clock.instant();
    Instant expires = now.plus(codeTtl);
    switch (store.createTerminal(storeId, request.id(), request.name(), Tokens.hash(code), expires.toEpochMilli(),
        now.toEpochMilli())) {
      case NO_PARENT -> throw ApiException.notFound("no store " + storeId);
      case DUPLICATE -> throw ApiException.conflict("id", "terminal " + request.id() + " exists");
      case CREATED -> Json.respond(ctx, 201,
          new TerminalInfo(request.id(), storeId, request.name(), false, false, code, expires));
    }
  }

  void newCode(Context ctx) {
    String terminalId = ctx.pathParam("terminalId");
    String code = Tokens.newEnrollmentCode();
    Instant expires = clock.instant().plus(codeTtl);
    if (!store.newEnrollmentCode(terminalId, Tokens.hash(code), expires.toEpochMilli())) {
      throw ApiException.notFound("no terminal " + terminalId);
    }
    Json.ok(ctx, store.terminal(terminalId).orElseThrow().withCode(code, expires));
  }

  void revoke(Context ctx) {
    String terminalId = ctx.pathParam("terminalId");
    if (!store.revokeTerminal(terminalId, clock.millis())) {
      throw ApiException.notFound("no terminal " + terminalId);
    }
    Json.ok(ctx, store.terminal(terminalId).orElseThrow());
  }

  void disableUser(Context ctx) {
    String username = ctx.pathParam("username");
    if (Principal.user(ctx).username().equals(username)) {
      throw ApiException.conflict("username", "an admin cannot disable themselves");
    }
    if (!store.disableUser(username)) {
      throw ApiException.notFound("no user " + username);
    }
    ctx.status(204);
  }

  /** The newest audit entries ({@code ?limit=}, default 100, at most 1000). */
  void audit(Context ctx) {
    int limit;
    try {
      limit = ctx.queryParam("limit") == null ? 100 : Integer.parseInt(ctx.queryParam("limit"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit", "not a number");
    }
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit", "must be 1-1000");
    }
    Json.ok(ctx, audit.recentAudit(limit));
  }

  void listUsers(Context ctx) {
    Json.ok(ctx, store.users());
  }

  void createUser(Context ctx) {
    UserRequest request = Json.body(ctx, UserRequest.class);
    String id = UuidV7.next().toString();
    switch (store.createUser(id, request.username(), passwords.hash(request.password()), request.role(),
        request.storeId(), clock.millis())) {
      case NO_PARENT -> throw ApiException.badRequest("storeId", "no store " + request.storeId());
      case DUPLICATE -> throw ApiException.conflict("username", "user " + request.username() + " exists");
      case CREATED -> Json.respond(ctx, 201,
          new UserInfo(id, request.username(), request.role(), request.storeId(), false));
    }
  }
}
