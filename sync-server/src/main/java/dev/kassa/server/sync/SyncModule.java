package dev.kassa.server.sync;

import dev.kassa.model.id.HybridClock;
import dev.kassa.model.sync.Stream;
import dev.kassa.server.Services;
import dev.kassa.server.feed.CatchUp;
import dev.kassa.server.feed.FeedService;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedPages;
import dev.kassa.server.feed.store.FeedWriter;
import dev.kassa.server.http.Route;
import dev.kassa.server.loyalty.LoyaltyRoutes;
import dev.kassa.model.loyalty.program.ProgramJson;
import dev.kassa.server.loyalty.store.EnginePointsCheck;
import dev.kassa.server.loyalty.store.LinePointsCheck;
import dev.kassa.server.loyalty.store.LoyaltyMerge;
import dev.kassa.server.loyalty.store.LoyaltyStore;
import dev.kassa.server.loyalty.store.PointsCheck;
import dev.kassa.server.program.store.ProgramStore;
import dev.kassa.server.sync.store.DatabaseTransactions;
import dev.kassa.server.sync.store.PushStore;
import dev.kassa.server.sync.store.SyncReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the sync side of the server once from the shared {@link Services}: push, pull feeds,
 * loyalty ledger and holds, and their routes. One hybrid clock per server instance.
 */
public final class SyncModule {
  /** How long an online hold lasts when the sale neither posts nor voids it. */
  public static final Duration HOLD_TTL = Duration.ofMinutes(5);

  private SyncModule() {}

  /** Merged sales' points are recomputed by the shared engine with the published program versions. */
  public static List<Route> routes(Services services) {
    return routes(services, enginePointsCheck(services));
  }

  /** The loyalty store as the routes use it, for the server's scheduled chores. */
  public static LoyaltyStore loyaltyStore(Services services) {
    FeedWriter feed = ChangeLog::appendAll;
    return new LoyaltyStore(new DatabaseTransactions(services.db()),
        new LoyaltyMerge(enginePointsCheck(services), feed, services.config().overdraftPolicy()), feed);
  }

  private static PointsCheck enginePointsCheck(Services services) {
    ProgramStore programs = new ProgramStore(services.db());
    return new EnginePointsCheck(v -> programs.document(v).map(ProgramJson::read));
  }

  /** With another check of each merged sale's points (tests, or {@link LinePointsCheck} without programs). */
  public static List<Route> routes(Services services, PointsCheck pointsCheck) {
    DatabaseTransactions tx = new DatabaseTransactions(services.db());
    FeedWriter feed = ChangeLog::appendAll;
    LoyaltyMerge merge = new LoyaltyMerge(pointsCheck, feed, services.config().overdraftPolicy());
    HybridClock hlc = new HybridClock(services.clock());
    PushService push = new PushService(new PushStore(tx, merge, services.clock()), hlc, services.clock());
    FeedPages pages = new FeedPages(tx);
    LoyaltyStore loyalty = new LoyaltyStore(tx, merge, feed);
    // the first page of a pull of the cards feed publishes every card moved before it (see
    // CardFeedPending); pulls that come while one publishes share the next turn
    FeedService feeds = new FeedService(pages,
        Map.of(Stream.CARDS, new CatchUp(() -> loyalty.publishCards(services.clock().instant()))));
    List<Route> routes = new ArrayList<>(SyncRoutes.routes(push, feeds, pages, new SyncReports(tx),
        services.clock()));
    routes.addAll(LoyaltyRoutes.routes(loyalty, hlc, services.clock(), HOLD_TTL));
    return routes;
  }
}
