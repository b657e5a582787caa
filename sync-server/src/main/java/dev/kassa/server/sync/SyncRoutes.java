package dev.kassa.server.sync;

import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.feed.FeedService;
import dev.kassa.server.feed.store.FeedPages;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import dev.kassa.server.store.DataAccessException;
import dev.kassa.server.sync.store.DatabaseTransactions;
import dev.kassa.server.sync.store.SyncReports;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The terminal's push and pull calls, and the office's reads of what was pushed. */
public final class SyncRoutes {
  static final int DEFAULT_PAGE = 500;

  private final PushService push;
  private final FeedService feeds;
  private final FeedPages pages;
  private final SyncReports reports;
  private final Clock clock;

  private SyncRoutes(PushService push, FeedService feeds, FeedPages pages, SyncReports reports, Clock clock) {
    this.push = push;
    this.feeds = feeds;
    this.pages = pages;
    this.reports = reports;
    this.clock = clock;
  }

  public static List<Route> routes(PushService push, FeedService feeds, FeedPages pages, SyncReports reports,
      Clock clock) {
    SyncRoutes sync = new SyncRoutes(push, feeds, pages, reports, clock);
    return List.of(
        Route.post("/api/v1/sync/push", Access.TERMINAL, sync::push),
        Route.get("/api/v1/sync/pull/{stream}", Access.TERMINAL, sync::pull),
        Route.get("/api/v1/admin/sync/sales-per-terminal", Access.OFFICE, sync::salesPerTerminal),
        Route.get("/api/v1/admin/sync/chains", Access.OFFICE, sync::chains),
        Route.post("/api/v1/admin/sync/compact-feeds", Access.ADMIN, sync::compact));
  }

  void push(Context ctx) {
    Principal.Terminal terminal = Principal.terminal(ctx);
    PushResponse response;
    try {
      response = push.push(terminal.storeId(), terminal.terminalId(), ctx.bodyAsBytes());
    } catch (PushRefused e) {
      throw new ApiException(e.status(), e.status() == 403 ? "forbidden" : "too-large",
          e.status() == 403 ? "Not allowed" : "Batch too large", e.getMessage(), e.field(), 0);
    } catch (DataAccessException e) {
      if (!DatabaseTransactions.busy(e)) {
        throw e;
      }
      // pool exhausted or the database briefly away: the terminal keeps its events and retries
      throw ApiException.unavailable("the database is busy; try again", 2);
    }
    Json.ok(ctx, response);
  }

  void pull(Context ctx) {
    Principal.Terminal terminal = Principal.terminal(ctx);
    Stream stream;
    try {
      stream = Stream.of(ctx.pathParam("stream"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no such feed; feeds are catalog, cards, programs, coupons, conflicts");
    }
    int limit = limit(ctx.queryParam("limit"));
    boolean continuing = continuing(ctx.queryParam("continued"));
    try {
      Json.ok(ctx, feeds.pull(stream, terminal.storeId(), ctx.queryParam("cursor"), limit, continuing));
    } catch (FeedService.CursorExpired e) {
      throw ApiException.gone(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage().startsWith("limit") ? "limit" : "cursor", e.getMessage());
    }
  }

  void salesPerTerminal(Context ctx) {
    Json.ok(ctx, reports.salesPerTerminal());
  }

  void chains(Context ctx) {
    Json.ok(ctx, reports.brokenChains());
  }

  void compact(Context ctx) {
    String days = ctx.queryParam("olderThanDays");
    long olderThan;
    try {
      olderThan = days == null ? 30 : Long.parseLong(days);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("olderThanDays", "not a number");
    }
    if (olderThan < 0) {
      throw ApiException.badRequest("olderThanDays", "must be >= 0");
    }
    int removed = pages.compact(clock.millis() - Duration.ofDays(olderThan).toMillis());
    Json.ok(ctx, Map.of("removed", removed));
  }

  private static int limit(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_PAGE;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit", "not a number");
    }
  }

  /** {@code continued=true}: the page goes on with a pull the terminal began with the page before. */
  private static boolean continuing(String text) {
    if (text == null || text.isEmpty() || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw ApiException.badRequest("continued", "true or false");
  }
}
