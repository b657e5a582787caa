package dev.kassa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.auth.Role;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.http.Route;
import dev.kassa.server.sync.Events;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store scope that the access guard cannot see: a terminal and a store manager of store 2
 * pass the guard on their routes, and are then tried with store 1's real reservation, conflict,
 * terminals, cards and journal. Cards, products and programs serve the whole chain; anything of
 * another store is refused with 403 (or, where the store comes from the token, simply not there).
 * The same requests by store 1's own callers succeed, so each refusal is about the store.
 */
class StoreScopeTest {
  private static final String FOREIGN_STORE = "store-2";
  private static final Map<Engine, World> WORLDS = new EnumMap<>(Engine.class);
  /** The sale of store 1's hold; a replay of the hold names it too. */
  private static final UUID HOLD_SALE = UUID.fromString("00000000-0000-7000-8000-000000000001");

  /** Store 1 with a reservation and a conflict, and the callers of both stores. */
  private record World(TestServer server, String ownTerminal, String ownManager, String foreignTerminal,
      String foreignManager, UUID reservation, UUID ownReservation, String conflict, String issuedCard) {}

  private enum Who { OWN_TERMINAL, OWN_MANAGER, FOREIGN_TERMINAL, FOREIGN_MANAGER }

  /** One request; {@code then} checks the answer beyond its status. */
  private record Case(String route, Who who, String method, String path, Object body, int status,
      Consumer<Check> then) {
    @Override
    public String toString() {
      return who + " " + method + " " + path + " -> " + status;
    }
  }

  private record Check(TestHttp.Response answer, World world) {}

  static Stream<Arguments> cases() {
    List<Case> cases = List.of(
        new Case("GET /api/v1/loyalty/cards/{card}/balance", Who.FOREIGN_TERMINAL,
            "GET", "/api/v1/loyalty/cards/7000200/balance", null, 200, c -> { }),
        new Case("POST /api/v1/loyalty/reservations", Who.FOREIGN_TERMINAL,
            "POST", "/api/v1/loyalty/reservations", "RESERVATION_REPLAY", 409,
            c -> assertThat(c.answer().body()).doesNotContain("HELD")),
        new Case("POST /api/v1/loyalty/reservations/{id}/void", Who.FOREIGN_TERMINAL,
            "POST", "/api/v1/loyalty/reservations/{reservation}/void", null, 403, c -> { }),
        new Case("POST /api/v1/loyalty/reservations/{id}/void", Who.OWN_TERMINAL,
            "POST", "/api/v1/loyalty/reservations/{ownReservation}/void", null, 200, c -> { }),
        new Case("POST /api/v1/sync/push", Who.FOREIGN_TERMINAL,
            "POST", "/api/v1/sync/push", "PUSH_AS_TILL_1", 403, c -> { }),
        new Case("POST /api/v1/sync/push", Who.FOREIGN_TERMINAL,
            "POST", "/api/v1/sync/push", "PUSH_STORE_1_EVENT", 200,
            c -> assertThat(c.answer().json().get("results").get(0).get("outcome").asText()).isEqualTo("REJECTED")),
        new Case("GET /api/v1/sync/pull/{stream}", Who.FOREIGN_TERMINAL,
            "GET", "/api/v1/sync/pull/conflicts?cursor=", null, 200,
            c -> assertThat(c.answer().body()).doesNotContain(c.world().conflict())),
        new Case("GET /api/v1/sync/pull/{stream}", Who.OWN_TERMINAL,
            "GET", "/api/v1/sync/pull/conflicts?cursor=", null, 200,
            c -> assertThat(c.answer().body()).contains(c.world().conflict())),
        new Case("GET /api/v1/admin/stores/{storeId}/terminals", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/stores/store-1/terminals", null, 403, c -> { }),
        new Case("GET /api/v1/admin/stores/{storeId}/terminals", Who.OWN_MANAGER,
            "GET", "/api/v1/admin/stores/store-1/terminals", null, 200, c -> { }),
        new Case("GET /api/v1/admin/loyalty/conflicts", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/loyalty/conflicts?storeId=store-1", null, 403, c -> { }),
        new Case("GET /api/v1/admin/loyalty/conflicts", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/loyalty/conflicts", null, 200,
            c -> assertThat(c.answer().body()).doesNotContain(c.world().conflict())),
        new Case("GET /api/v1/admin/loyalty/conflicts", Who.OWN_MANAGER,
            "GET", "/api/v1/admin/loyalty/conflicts?storeId=store-1", null, 200,
            c -> assertThat(c.answer().body()).contains(c.world().conflict())),
        new Case("POST /api/v1/admin/loyalty/conflicts/{id}/resolve", Who.FOREIGN_MANAGER,
            "POST", "/api/v1/admin/loyalty/conflicts/{conflict}/resolve", Map.of("action", "WRITE_OFF",
                "reason", "not mine"), 403, c -> { }),
        new Case("POST /api/v1/admin/loyalty/cards/{card}/adjustments", Who.FOREIGN_MANAGER,
            "POST", "/api/v1/admin/loyalty/cards/7000200/adjustments", Map.of("id", UUID.randomUUID().toString(),
                "points", 500, "reason", "not mine"), 403, c -> { }),
        new Case("GET /api/v1/admin/sync/sales-per-terminal", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/sync/sales-per-terminal", null, 403, c -> { }),
        new Case("GET /api/v1/admin/sync/chains", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/sync/chains", null, 403, c -> { }),
        new Case("GET /api/v1/admin/cards/{number}", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/cards/{issuedCard}", null, 200, c -> { }),
        new Case("GET /api/v1/admin/catalog/products/{sku}", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/catalog/products/SKU1", null, 404, c -> { }),
        new Case("GET /api/v1/admin/programs/{version}", Who.FOREIGN_MANAGER,
            "GET", "/api/v1/admin/programs/1", null, 404, c -> { }));
    List<Arguments> arguments = new ArrayList<>();
    for (Engine engine : Engine.values()) {
      for (Case c : cases) {
        arguments.add(Arguments.of(engine, c));
      }
    }
    return arguments.stream();
  }

  @AfterAll
  static void stop() {
    WORLDS.values().forEach(world -> world.server().close());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void aCallerActsForItsOwnStoreOnly(Engine engine, Case c) {
    World world = world(engine);
    String path = c.path().replace("{reservation}", world.reservation().toString())
        .replace("{ownReservation}", world.ownReservation().toString())
        .replace("{conflict}", world.conflict()).replace("{issuedCard}", world.issuedCard());

    TestHttp.Response answer = world.server().http().send(c.method(), path, token(world, c.who()), body(world, c));

    assertThat(answer.status()).as(answer.body()).isEqualTo(c.status());
    if (c.status() >= 400) {
      assertThat(answer.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
    }
    c.then().accept(new Check(answer, world));
  }

  /** A new route a foreign terminal or manager gets past the guard must get a row above. */
  @Test
  void everyRouteAForeignCallerPassesTheGuardOnIsInTheTable() {
    Set<String> tried = new java.util.HashSet<>();
    cases().forEach(arguments -> {
      Case c = (Case) arguments.get()[1];
      if (c.who() == Who.FOREIGN_TERMINAL || c.who() == Who.FOREIGN_MANAGER) {
        tried.add(c.route());
      }
    });
    List<String> missing = new ArrayList<>();
    for (Route route : ServerApp.routes(world(Engine.SQLITE).server().services())) {
      boolean passesGuard = route.access() == Access.TERMINAL || route.access() == Access.STORE_MANAGER;
      // log-out names nothing but the caller's own session
      if (passesGuard && !route.path().endsWith("/logout") && !tried.contains(route.method() + " " + route.path())) {
        missing.add(route.toString());
      }
    }
    assertThat(missing).as("routes without a foreign-store row").isEmpty();
  }

  private static String token(World world, Who who) {
    return switch (who) {
      case OWN_TERMINAL -> world.ownTerminal();
      case OWN_MANAGER -> world.ownManager();
      case FOREIGN_TERMINAL -> world.foreignTerminal();
      case FOREIGN_MANAGER -> world.foreignManager();
    };
  }

  private static Object body(World world, Case c) {
    if ("RESERVATION_REPLAY".equals(c.body())) {
      // the same reservation id as store 1's hold: must not answer store 1's reservation
      return new ReservationRequest(world.reservation(), "7000200", 10, HOLD_SALE);
    }
    if ("PUSH_AS_TILL_1".equals(c.body())) {
      Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
      return push(TestServer.TERMINAL, List.of(till1.entry("7000300", EntryType.EARN, 1000, 50, null)));
    }
    if ("PUSH_STORE_1_EVENT".equals(c.body())) {
      Events claimsStore1 = new Events(TestServer.STORE, "till-f");
      return push("till-f", List.of(claimsStore1.entry("7000300", EntryType.EARN, 1000, 51, null)));
    }
    return c.body();
  }

  private static PushRequest push(String terminalId, List<SyncEvent> events) {
    return new PushRequest(1, UUID.randomUUID(), terminalId, new ChainHead(0, ""), events);
  }

  private static synchronized World world(Engine engine) {
    return WORLDS.computeIfAbsent(engine, StoreScopeTest::build);
  }

  private static World build(Engine engine) {
    TestServer server = TestServer.start(engine);
    TestHttp http = server.http();
    String till2 = server.createTerminal(TestServer.STORE, "till-2");
    server.createStore(FOREIGN_STORE);
    String foreignTerminal = server.createTerminal(FOREIGN_STORE, "till-f");
    String ownManager = server.userToken("manager-1", Role.STORE_MANAGER, TestServer.STORE);
    String foreignManager = server.userToken("manager-f", Role.STORE_MANAGER, FOREIGN_STORE);
    Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
    Events tillTwo = new Events(TestServer.STORE, "till-2");
    // an overspend by two tills of store 1: a conflict of store 1 only
    pushOk(http, server.terminalToken(), TestServer.TERMINAL, List.of(
        till1.entry("7000100", EntryType.EARN, 150, 1, null), till1.entry("7000200", EntryType.EARN, 100, 2, null)));
    pushOk(http, till2, "till-2", List.of(tillTwo.entry("7000100", EntryType.REDEEM, -100, 4, UUID.randomUUID())));
    pushOk(http, server.terminalToken(), TestServer.TERMINAL,
        List.of(till1.entry("7000100", EntryType.REDEEM, -100, 3, UUID.randomUUID())));
    String conflict = http.get("/api/v1/admin/loyalty/conflicts", server.adminToken()).json().get(0).get("id").asText();
    UUID reservation = hold(http, server.terminalToken(), new ReservationRequest(UUID.randomUUID(), "7000200", 10,
        HOLD_SALE));
    UUID ownReservation = hold(http, server.terminalToken(), new ReservationRequest(UUID.randomUUID(), "7000200", 10,
        UUID.randomUUID()));
    String issued = http.post("/api/v1/admin/cards/batches", server.adminToken(), Map.of("count", 1)).json()
        .get("first").asText();
    return new World(server, server.terminalToken(), ownManager, foreignTerminal, foreignManager, reservation,
        ownReservation, conflict, issued);
  }

  private static void pushOk(TestHttp http, String token, String terminalId, List<SyncEvent> events) {
    TestHttp.Response answer = http.post("/api/v1/sync/push", token, push(terminalId, events));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("REJECTED");
  }

  private static UUID hold(TestHttp http, String token, ReservationRequest request) {
    TestHttp.Response answer = http.post("/api/v1/loyalty/reservations", token, request);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return request.id();
  }
}
