package dev.kassa.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.auth.Role;
import dev.kassa.server.health.HealthRoutes;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.http.Route;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the server's route table, whatever features put into it: every route is in the OpenAPI
 * document, and every protected route refuses callers without the right token or role, before
 * its handler runs (an empty body would be a 400 if the handler ran).
 */
class RouteTableTest {
  private static TestServer server;
  private static List<Route> routes;
  private static String office;
  private static String manager;
  private static String foreignManager;
  private static String foreignTerminal;

  @BeforeAll
  static void start() {
    server = TestServer.start(Engine.SQLITE);
    routes = ServerApp.routes(server.services());
    server.createStore("store-2");
    office = server.userToken("office-1", Role.OFFICE, null);
    manager = server.userToken("manager-1", Role.STORE_MANAGER, TestServer.STORE);
    foreignManager = server.userToken("manager-2", Role.STORE_MANAGER, "store-2");
    foreignTerminal = server.createTerminal("store-2", "till-of-store-2");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteIsInTheOpenApiDocument() {
    Set<String> documented = documentedOperations(new String(HealthRoutes.readOpenApi(), StandardCharsets.UTF_8));
    List<String> missing = new ArrayList<>();
    for (Route route : routes) {
      String operation = route.method().name().toLowerCase(Locale.ROOT) + " " + route.path();
      if (!documented.contains(operation)) {
        missing.add(operation);
      }
    }
    assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
  }

  @Test
  void theDocumentIsServed() {
    TestHttp.Response answer = server.http().get("/openapi.yaml", null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("openapi: 3");
  }

  @Test
  void everyPublicRouteAnswersWithoutCredentials() {
    List<Route> open = routes.stream().filter(route -> route.access() == Access.PUBLIC).toList();
    assertThat(open).extracting(Route::path)
        .containsExactlyInAnyOrder("/health", "/openapi.yaml", "/api/v1/auth/login", "/api/v1/terminals/enroll");
    for (Route route : open) {
      TestHttp.Response answer = call(route, null);
      // the handler ran: an empty body is its 400, never a 401 or 403
      assertThat(answer.status()).as(route + ": " + answer.body()).isNotIn(401, 403).isLessThan(500);
    }
  }

  @Test
  void everyProtectedRouteRefusesAMissingOrUnknownToken() {
    for (Route route : protectedRoutes()) {
      for (String token : new String[] {null, "ks_not-a-real-token", ""}) {
        TestHttp.Response answer = call(route, token);
        assertThat(answer.status()).as(route + " with token " + token).isEqualTo(401);
        assertThat(answer.contentType()).as(route.toString()).startsWith(ProblemMapper.CONTENT_TYPE);
      }
    }
  }

  @Test
  void everyProtectedRouteRefusesTheWrongKindOfCaller() {
    for (Route route : protectedRoutes()) {
      for (Caller caller : callers()) {
        if (!caller.allowedOn(route.access())) {
          TestHttp.Response answer = call(route, caller.token());
          assertThat(answer.status()).as(route + " as " + caller.name()).isEqualTo(403);
        }
      }
    }
  }

  @Test
  void everyProtectedRoutePassesItsAllowedCallersToTheHandler() {
    // fresh tokens: the logout route (called last) ends the session it is called with
    List<Caller> fresh = List.of(
        new Caller("terminal", server.createTerminal(TestServer.STORE, "till-matrix"), Set.of(Access.TERMINAL)),
        new Caller("admin", server.login(TestServer.ADMIN_USER, TestServer.ADMIN_PASSWORD),
            Set.of(Access.ADMIN, Access.OFFICE, Access.STORE_MANAGER, Access.METRICS)),
        new Caller("office", server.login("office-1", "password-of-office-1"), Set.of(Access.OFFICE, Access.STORE_MANAGER)),
        new Caller("store manager", server.login("manager-1", "password-of-manager-1"), Set.of(Access.STORE_MANAGER)));
    List<Route> ordered = new ArrayList<>(protectedRoutes());
    ordered.sort(java.util.Comparator.comparing(route -> route.path().endsWith("/logout")));
    for (Route route : ordered) {
      for (Caller caller : fresh) {
        if (caller.allowedOn(route.access())) {
          TestHttp.Response answer = call(route, caller.token());
          assertThat(answer.status()).as(route + " as " + caller.name() + ": " + answer.body())
              .isNotIn(401, 403).isLessThan(500);
        }
      }
    }
  }

  @Test
  void aStoreManagerIsRefusedAnotherStoresTerminals() {
    assertThat(server.http().get("/api/v1/admin/stores/" + TestServer.STORE + "/terminals", foreignManager).status())
        .isEqualTo(403);
    assertThat(server.http().get("/api/v1/admin/stores/" + TestServer.STORE + "/terminals", manager).status())
        .isEqualTo(200);
  }

  private record Caller(String name, String token, Set<Access> allowed) {
    boolean allowedOn(Access access) {
      return allowed.contains(access);
    }
  }

  private static List<Caller> callers() {
    return List.of(
        new Caller("terminal", server.terminalToken(), Set.of(Access.TERMINAL)),
        new Caller("admin", server.adminToken(),
            Set.of(Access.ADMIN, Access.OFFICE, Access.STORE_MANAGER, Access.METRICS)),
        new Caller("office", office, Set.of(Access.OFFICE, Access.STORE_MANAGER)),
        new Caller("store manager", manager, Set.of(Access.STORE_MANAGER)),
        // where they pass the guard, StoreScopeTest tries them with store 1's real ids
        new Caller("terminal of another store", foreignTerminal, Set.of(Access.TERMINAL)),
        new Caller("manager of another store", foreignManager, Set.of(Access.STORE_MANAGER)));
  }

  private static List<Route> protectedRoutes() {
    return routes.stream().filter(route -> route.access() != Access.PUBLIC).toList();
  }

  /** Path parameters filled with plausible values: the refusal must come before any lookup. */
  private static TestHttp.Response call(Route route, String token) {
    String path = route.path().replaceAll("\\{storeId}", TestServer.STORE).replaceAll("\\{[^}]+}", "x");
    return server.http().send(route.method().name(), path, token, "");
  }

  /**
   * "get /path" for each operation under {@code paths:}. The document is parsed as YAML, so a
   * document a YAML reader refuses (a bad merge, wrong indentation) fails the test.
   */
  static Set<String> documentedOperations(String yaml) {
    JsonNode paths;
    try {
      paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
    } catch (IOException e) {
      throw new AssertionError("openapi.yaml is not valid YAML: " + e.getMessage(), e);
    }
    Set<String> operations = new HashSet<>();
    paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
      if (Set.of("get", "post", "put", "delete", "patch", "head", "options").contains(key)) {
        operations.add(key + " " + path.getKey());
      }
    }));
    return operations;
  }
}
