package dev.kassa.server;

import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.store.Database;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A running server: database opened and migrated, optional start-up work (the demo loader), HTTP
 * listening. Used by {@link ServerMain} and by tests, so tests run exactly what production runs.
 */
public final class KassaServer implements AutoCloseable {
  private final Services services;
  private final Javalin app;
  private final JvmGcMetrics gcMetrics;

  private KassaServer(Services services, Javalin app, JvmGcMetrics gcMetrics) {
    this.services = services;
    this.app = app;
    this.gcMetrics = gcMetrics;
  }

  public static KassaServer start(ServerConfig config) {
    return start(config, services -> { });
  }

  /**
   * Starts the server: opens and migrates the database, loads the demo when configured, runs
   * {@code beforeListening} (tests add their fixtures there), then listens.
   */
  public static KassaServer start(ServerConfig config, Consumer<Services> beforeListening) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
    }
    Database db = Database.open(config.effectiveDatabaseUrl());
    try {
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);
      JvmGcMetrics gc = new JvmGcMetrics();
      gc.bindTo(metrics);
      Services services = new Services(config, db, Clock.systemUTC(), metrics, new AuthStore(db),
          new PasswordHasher(config.passwordIterations()));
      ServerStartup.prepare(services);
      beforeListening.accept(services);
      ServerStartup.warnIfNoUsers(services);
      Javalin app = ServerApp.create(services).start(config.port());
      return new KassaServer(services, app, gc);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  public Services services() {
    return services;
  }

  @Override
  public void close() {
    app.stop();
    gcMetrics.close();
    services.metrics().close();
    services.db().close();
  }
}
