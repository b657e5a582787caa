/**
 * The Kassa sync server.
 *
 * <h2>How a feature plugs in</h2>
 * <ul>
 *   <li><b>Routes.</b> A feature has a class with {@code public static List<Route> routes(Services s)}
 *       returning rows of {@link dev.kassa.server.http.Route} (method, path, {@link
 *       dev.kassa.server.http.Access}, handler). Add it with ONE line in
 *       {@link dev.kassa.server.ServerApp#routes}. Access is enforced before the handler runs;
 *       the handler reads the caller with {@code Principal.terminal(ctx)} / {@code Principal.user(ctx)}.
 *       A terminal acts for {@code Principal.terminal(ctx).storeId()} only.</li>
 *   <li><b>Errors.</b> Throw {@link dev.kassa.server.http.ApiException} (badRequest(field, detail),
 *       conflict, gone, tooManyRequests/unavailable with Retry-After...); bodies parsed with
 *       {@link dev.kassa.server.http.Json#body} give 400 problems naming the field.</li>
 *   <li><b>OpenAPI.</b> Every route must be listed in {@code src/main/resources/openapi.yaml}
 *       ({@code RouteTableTest} fails otherwise, and also checks that every non-public route
 *       refuses missing tokens and wrong roles).</li>
 *   <li><b>SQL.</b> Only in {@code ..store..} packages (ArchUnit). Use
 *       {@link dev.kassa.server.store.Database#inTransaction} for writes (on SQLite all writes share
 *       one connection, so keep transactions short) and {@link dev.kassa.server.store.Database#read}
 *       for reads. Record feed changes with {@link dev.kassa.server.feed.store.ChangeLog#appendAll}
 *       inside the same transaction, as its LAST step (the feed's sequence row stays locked until
 *       commit). Card entities are the exception: what moves a card only marks it
 *       ({@code LoyaltyMerge.markForFeed}), and the card publisher writes the entities once a
 *       second and before the first page of every pull of the cards feed
 *       ({@code LoyaltyStore.publishCards}).
 *       A {@link dev.kassa.server.store.DataAccessException} that is a unique violation
 *       answers 409, a busy database 503 with Retry-After, anything else 500 with an incident id.</li>
 *   <li><b>Migrations.</b> Flyway, {@code src/main/resources/db/migration/sqlite/V<n>__*.sql} AND
 *       {@code .../postgresql/V<n>__*.sql}, same number in both. V1..V19: core (stores, auth,
 *       admin, catalog, programs, cards); V20..V41: sync (push, ledger, reservations, feeds).
 *       Times are epoch milliseconds in BIGINT columns.</li>
 *   <li><b>Tests.</b> {@code dev.kassa.server.testing.TestServer.start(Engine)} (test sources) runs
 *       the real server on a random port on a fresh SQLite file or a fresh embedded-PostgreSQL
 *       database with one store, one enrolled terminal and an admin; use
 *       {@code @ParameterizedTest @EnumSource(Engine.class)} to run on both engines,
 *       {@code ServerPerEngine} to share one server per engine in a class (assert on deltas), and
 *       {@code Engine.openDatabase()} for store-level tests without HTTP. As root, embedded
 *       PostgreSQL runs through {@code RootSafePostgres} (setpriv to nobody).</li>
 *   <li><b>Load.</b> Past {@code ServerConfig.maxConcurrentRequests} (64) requests in flight the
 *       server answers 503 with Retry-After; /health and /metrics are exempt.</li>
 * </ul>
 */
package dev.kassa.server;
