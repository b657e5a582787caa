package dev.kassa.server;

import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.feed.store.FeedPages;
import dev.kassa.server.loyalty.store.LoyaltyStore;
import dev.kassa.server.store.Database;
import dev.kassa.server.sync.Housekeeping;
import dev.kassa.server.sync.SyncModule;
import dev.kassa.server.sync.store.DatabaseTransactions;
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
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A running server: database opened and migrated, optional start-up work (the demo loader), HTTP
 * listening. Used by {@link ServerMain} and by tests, so tests run exactly what production runs.
 */
public final class KassaServer implements AutoCloseable {
  /** How long feed changes are kept for incremental pulls. */
  static final Duration FEED_RETENTION = Duration.ofDays(30);
  /**
   * How often the card publisher writes the cards feed entities of the cards moved meanwhile. A pull
   * of the cards feed publishes first, so this is not how stale a terminal may see a card: it only
   * bounds the work a pull finds waiting. Once a second, a busy card moved by many pushes in that
   * second is written once: the reconciliation benchmark at 400 terminals wrote 0.22 card entities
   * a sale, against 0.51 five times a second.
   */
  static final Duration CARD_FEED_EVERY = Duration.ofSeconds(1);

  private final Services services;
  private final Javalin app;
  private final JvmGcMetrics gcMetrics;
  private final Housekeeping housekeeping;

  private KassaServer(Services services, Javalin app, JvmGcMetrics gcMetrics, Housekeeping housekeeping) {
    this.services = services;
    this.app = app;
    this.gcMetrics = gcMetrics;
    this.housekeeping = housekeeping;
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
      return new KassaServer(services, app, gc, Housekeeping.start(chores(services)));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Cards moved since the last turn are published to the cards feed once a second (a pull of that
   * feed publishes them first anyway), holds that timed out are marked every minute, due points
   * expiries written every hour, feed
   * changes older than the retention compacted once a day (terminals behind that take a snapshot).
   */
  private static List<Housekeeping.Chore> chores(Services services) {
    LoyaltyStore loyalty = SyncModule.loyaltyStore(services);
    FeedPages feeds = new FeedPages(new DatabaseTransactions(services.db()));
    Clock clock = services.clock();
    return List.of(
        new Housekeeping.Chore("card feed", CARD_FEED_EVERY, () -> loyalty.publishCards(clock.instant())),
        new Housekeeping.Chore("hold expiry", Duration.ofMinutes(1), () -> loyalty.expireHolds(clock.instant())),
        new Housekeeping.Chore("points expiry", Duration.ofHours(1), () -> loyalty.expirePoints(clock.instant())),
        new Housekeeping.Chore("feed compaction", Duration.ofDays(1),
            () -> feeds.compact(clock.millis() - FEED_RETENTION.toMillis())));
  }

  public int port() {
    return app.port();
  }

  public Services services() {
    return services;
  }

  @Override
  public void close() {
    housekeeping.close();
    app.stop();
    gcMetrics.close();
    services.metrics().close();
    services.db().close();
  }
}
