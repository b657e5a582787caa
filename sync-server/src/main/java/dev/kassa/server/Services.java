package dev.kassa.server;

import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.store.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * The shared pieces every feature's routes are built from. A feature takes what it needs in its
 * {@code routes(Services)} factory; nothing here is a global.
 */
public record Services(
    ServerConfig config,
    Database db,
    Clock clock,
    PrometheusMeterRegistry metrics,
    AuthStore auth,
    PasswordHasher passwords) {}
