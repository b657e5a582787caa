package dev.kassa.server;

import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.admin.AdminRoutes;
import dev.kassa.server.auth.AccessGuard;
import dev.kassa.server.auth.AuthRoutes;
import dev.kassa.server.card.CardRoutes;
import dev.kassa.server.catalog.CatalogRoutes;
import dev.kassa.server.coupon.CouponRoutes;
import dev.kassa.server.health.HealthRoutes;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.JettyProblems;
import dev.kassa.server.http.LoadShedder;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.http.Route;
import dev.kassa.server.program.ProgramRoutes;
import dev.kassa.server.sync.SyncModule;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that wires the server: the route table, access checks, error mapping, metrics.
 * Each feature contributes its routes here with one line.
 */
public final class ServerApp {
  private ServerApp() {}

  /** Every route the server serves. The OpenAPI and auth-matrix tests walk this same table. */
  public static List<Route> routes(Services services) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(HealthRoutes.routes(services));
    routes.addAll(AuthRoutes.routes(services));
    routes.addAll(AdminRoutes.routes(services));
    routes.addAll(CatalogRoutes.routes(services));
    routes.addAll(ProgramRoutes.routes(services));
    routes.addAll(CardRoutes.routes(services));
    routes.addAll(CouponRoutes.routes(services));
    routes.addAll(SyncModule.routes(services));
    return List.copyOf(routes);
  }

  public static Javalin create(Services services) {
    return create(services, routes(services));
  }

  static Javalin create(Services services, List<Route> routes) {
    requireUnique(routes);
    AccessGuard guard = new AccessGuard(services.auth(), services.clock(), services.config().metricsToken());
    LoadShedder shedder = new LoadShedder(services.config().maxConcurrentRequests());
    Gauge.builder("kassa.http.free.slots", shedder, LoadShedder::available)
        .description("requests the server may still take before shedding load with 503")
        .register(services.metrics());
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = services.config().maxRequestBytes();
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
      config.jsonMapper(new JavalinJackson(SyncCodec.mapper(), false));
      ProblemMapper.register(config.routes, services.config().maxRequestBytes());
      for (Route route : routes) {
        Handler guarded = guard.wrap(route);
        Handler handler = isMonitoring(route) ? guarded : shed(shedder, guarded);
        config.routes.addHttpHandler(route.method(), route.path(), timed(services, route, handler));
      }
    });
  }

  private static boolean isMonitoring(Route route) {
    return route.path().equals("/health") || route.path().equals("/metrics");
  }

  private static Handler shed(LoadShedder shedder, Handler handler) {
    return ctx -> {
      shedder.acquire();
      try {
        handler.handle(ctx);
      } finally {
        shedder.release();
      }
    };
  }

  /** Counts and times every request by route and status: {@code http_server_requests_seconds}. */
  private static Handler timed(Services services, Route route, Handler handler) {
    return ctx -> {
      long start = System.nanoTime();
      int status = 500;
      try {
        handler.handle(ctx);
        status = ctx.statusCode();
      } catch (ApiException e) {
        status = e.status();
        throw e;
      } finally {
        Timer.builder("http.server.requests")
            .tag("method", route.method().name())
            .tag("uri", route.path())
            .tag("status", Integer.toString(status))
            .register(services.metrics())
            .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
  }

  private static void requireUnique(List<Route> routes) {
    Set<String> seen = new HashSet<>();
    for (Route route : routes) {
      if (!seen.add(route.method() + " " + route.path())) {
        throw new IllegalStateException("route declared twice: " + route);
      }
    }
  }
}
