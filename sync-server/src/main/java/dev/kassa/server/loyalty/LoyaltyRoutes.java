package dev.kassa.server.loyalty;

import dev.kassa.model.id.HybridClock;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.auth.Role;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import dev.kassa.server.loyalty.store.LoyaltyStore;
import dev.kassa.server.loyalty.store.ReservationStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Online loyalty for terminals (balance, hold, void) and the office's side of the ledger:
 * adjustments, conflicts and their resolution, and the balances the convergence checks compare.
 */
public final class LoyaltyRoutes {
  private static final int MAX_CARD_LENGTH = 64;
  private static final int MAX_REASON_LENGTH = 500;

  private final LoyaltyStore store;
  private final HybridClock hlc;
  private final Clock clock;
  private final Duration holdTtl;

  private LoyaltyRoutes(LoyaltyStore store, HybridClock hlc, Clock clock, Duration holdTtl) {
    this.store = store;
    this.hlc = hlc;
    this.clock = clock;
    this.holdTtl = holdTtl;
  }

  public static List<Route> routes(LoyaltyStore store, HybridClock hlc, Clock clock, Duration holdTtl) {
    LoyaltyRoutes loyalty = new LoyaltyRoutes(store, hlc, clock, holdTtl);
    return List.of(
        Route.get("/api/v1/loyalty/cards/{card}/balance", Access.TERMINAL, loyalty::balance),
        Route.post("/api/v1/loyalty/reservations", Access.TERMINAL, loyalty::reserve),
        Route.post("/api/v1/loyalty/reservations/{id}/void", Access.TERMINAL, loyalty::voidHold),
        Route.get("/api/v1/admin/loyalty/balances", Access.OFFICE, loyalty::balances),
        Route.get("/api/v1/admin/loyalty/conflicts", Access.STORE_MANAGER, loyalty::conflicts),
        Route.post("/api/v1/admin/loyalty/conflicts/{id}/resolve", Access.OFFICE, loyalty::resolve),
        Route.post("/api/v1/admin/loyalty/cards/{card}/adjustments", Access.OFFICE, loyalty::adjust),
        Route.get("/api/v1/admin/loyalty/mismatches", Access.OFFICE, loyalty::mismatches),
        Route.post("/api/v1/admin/loyalty/expire", Access.ADMIN, loyalty::expire));
  }

  void balance(Context ctx) {
    Json.ok(ctx, store.balance(card(ctx), clock.instant()));
  }

  void reserve(Context ctx) {
    Principal.Terminal terminal = Principal.terminal(ctx);
    ReservationRequest request = Json.body(ctx, ReservationRequest.class);
    if (request.cardNumber().isBlank() || request.cardNumber().length() > MAX_CARD_LENGTH) {
      throw ApiException.badRequest("cardNumber", "1.." + MAX_CARD_LENGTH + " characters");
    }
    LoyaltyStore.HoldResult result = store.hold(request, terminal.storeId(), terminal.terminalId(), holdTtl,
        clock.instant());
    if (result.reservation() == null) {
      throw ApiException.conflict("points", result.refusal());
    }
    Json.ok(ctx, result.reservation());
  }

  void voidHold(Context ctx) {
    Principal.Terminal terminal = Principal.terminal(ctx);
    UUID id = uuid(ctx.pathParam("id"), "id");
    Optional<ReservationStore.Row> known = store.reservation(id, clock.instant());
    if (known.isEmpty()) {
      throw ApiException.notFound("no reservation " + id);
    }
    terminal.requireStore(known.get().storeId());
    Reservation after = store.voidHold(id, clock.instant()).orElseThrow();
    if (after.status() == Reservation.Status.POSTED) {
      throw ApiException.conflict("id", "the reservation was already posted by its sale");
    }
    Json.ok(ctx, after);
  }

  void balances(Context ctx) {
    Json.ok(ctx, store.balances());
  }

  void conflicts(Context ctx) {
    Principal.User user = Principal.user(ctx);
    String storeId = ctx.queryParam("storeId");
    if (storeId != null) {
      // refused (and audited), not quietly answered with the manager's own store
      user.requireStore(storeId);
    } else if (user.role() == Role.STORE_MANAGER) {
      storeId = user.storeId();
    }
    Json.ok(ctx, store.conflicts(storeId));
  }

  void resolve(Context ctx) {
    Principal.User user = Principal.user(ctx);
    UUID id = uuid(ctx.pathParam("id"), "id");
    ResolveRequest request = Json.body(ctx, ResolveRequest.class);
    Conflict resolved = store.resolve(id, request.action() == ResolveRequest.Action.WRITE_OFF,
        new LoyaltyStore.OfficeAction(user.username(), reason(request.reason())), hlc.now(), clock.instant())
        .orElseThrow(() -> ApiException.notFound("no conflict " + id));
    Json.ok(ctx, resolved);
  }

  void adjust(Context ctx) {
    Principal.User user = Principal.user(ctx);
    String card = card(ctx);
    AdjustmentRequest request = Json.body(ctx, AdjustmentRequest.class);
    CardBalance balance = store.adjust(request.id(), card, request.points(),
        new LoyaltyStore.OfficeAction(user.username(), reason(request.reason())), hlc.now(), clock.instant());
    Json.respond(ctx, 201, balance);
  }

  void mismatches(Context ctx) {
    Json.ok(ctx, store.mismatches());
  }

  void expire(Context ctx) {
    Json.ok(ctx, java.util.Map.of("expired", store.expirePoints(clock.instant())));
  }

  private static String card(Context ctx) {
    String card = ctx.pathParam("card");
    if (card.isBlank() || card.length() > MAX_CARD_LENGTH) {
      throw ApiException.badRequest("card", "1.." + MAX_CARD_LENGTH + " characters");
    }
    return card;
  }

  private static String reason(String reason) {
    if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
      throw ApiException.badRequest("reason", "1.." + MAX_REASON_LENGTH + " characters");
    }
    return reason;
  }

  private static UUID uuid(String text, String field) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(field, "not a UUID");
    }
  }
}
