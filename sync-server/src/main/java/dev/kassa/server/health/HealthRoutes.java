package dev.kassa.server.health;

import dev.kassa.server.Services;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import dev.kassa.server.store.Database;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Liveness for load balancers, Prometheus metrics, and the API document. */
public final class HealthRoutes {
  /** The OpenAPI document, a classpath resource kept next to the code it describes. */
  public static final String OPENAPI_RESOURCE = "/openapi.yaml";

  private final Database db;
  private final PrometheusMeterRegistry metrics;
  private final byte[] openApi;

  private HealthRoutes(Services services) {
    this.db = services.db();
    this.metrics = services.metrics();
    this.openApi = readOpenApi();
  }

  public static List<Route> routes(Services services) {
    HealthRoutes health = new HealthRoutes(services);
    return List.of(
        Route.get("/health", Access.PUBLIC, health::health),
        Route.get("/metrics", Access.METRICS, health::metrics),
        Route.get("/openapi.yaml", Access.PUBLIC, health::openApi));
  }

  /**
   * 200 when the database answers, else 503: a load balancer takes the instance out. Probes read
   * only the status code; the 503 is a problem like every other error answer.
   */
  void health(Context ctx) {
    if (!db.isReachable()) {
      throw ApiException.unavailable("DOWN: the database (" + db.dialect().name() + ") does not answer", 0);
    }
    Json.ok(ctx, Map.of("status", "UP", "database", db.dialect().name()));
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  void openApi(Context ctx) {
    ctx.contentType("application/yaml").result(openApi);
  }

  public static byte[] readOpenApi() {
    try (InputStream in = HealthRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
