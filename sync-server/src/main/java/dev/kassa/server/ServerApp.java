package dev.kassa.server;

import io.javalin.Javalin;

/** The one place that wires the server: configuration, routes, error mapping. */
public final class ServerApp {
  private ServerApp() {}

  public static Javalin create() {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "UP")));
    });
  }
}
