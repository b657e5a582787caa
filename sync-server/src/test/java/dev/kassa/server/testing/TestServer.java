package dev.kassa.server.testing;

import dev.kassa.model.id.UuidV7;
import dev.kassa.server.KassaServer;
import dev.kassa.server.ServerConfig;
import dev.kassa.server.Services;
import dev.kassa.server.admin.store.AdminStore;
import dev.kassa.server.auth.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real server on a random port, on a fresh SQLite file or a fresh embedded PostgreSQL
 * database, already holding one store ({@link #STORE}) with one enrolled terminal
 * ({@link #TERMINAL}) and an admin: tests get an admin session token and a terminal token.
 *
 * <pre>{@code
 * @ParameterizedTest @EnumSource(Engine.class)
 * void something(Engine engine) {
 *   try (TestServer server = TestServer.start(engine)) {
 *     var answer = server.http().post("/api/v1/sync/push", server.terminalToken(), request);
 *   }
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
  public static final String STORE = "store-1";
  public static final String TERMINAL = "till-1";
  public static final String ADMIN_USER = "root-admin";
  public static final String ADMIN_PASSWORD = "test-admin-password";
  /** Far below production's 600k: a login per test must not cost half a second. */
  public static final int TEST_PASSWORD_ITERATIONS = 1_000;

  private final KassaServer server;
  private final Path dir;
  private final String databaseUrl;
  private final TestHttp http;
  private final String adminToken;
  private final String terminalToken;

  private TestServer(KassaServer server, Path dir, String databaseUrl) {
    this.server = server;
    this.dir = dir;
    this.databaseUrl = databaseUrl;
    this.http = new TestHttp("http://localhost:" + server.port());
    this.adminToken = login(ADMIN_USER, ADMIN_PASSWORD);
    createStore(STORE);
    this.terminalToken = createTerminal(STORE, TERMINAL);
  }

  public static TestServer start(Engine engine) {
    return start(engine, config -> config);
  }

  /** Starts with a changed configuration (say a small request limit or the demo flag). */
  public static TestServer start(Engine engine, UnaryOperator<ServerConfig> tweak) {
    Path dir;
    try {
      dir = Files.createTempDirectory("kassa-server-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerConfig config = tweak.apply(ServerConfig.defaults(dir).withPort(0)
        .withDatabaseUrl(engine.newDatabaseUrl(dir)).withPasswordIterations(TEST_PASSWORD_ITERATIONS));
    KassaServer server = KassaServer.start(config, TestServer::createAdmin);
    try {
      return new TestServer(server, dir, config.databaseUrl());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static void createAdmin(Services services) {
    new AdminStore(services.db()).createUser(UuidV7.next().toString(), ADMIN_USER,
        services.passwords().hash(ADMIN_PASSWORD), Role.ADMIN, null, services.clock().millis());
  }

  /** The JDBC URL of this server's database. */
  public String databaseUrl() {
    return databaseUrl;
  }

  public TestHttp http() {
    return http;
  }

  public int port() {
    return server.port();
  }

  public Services services() {
    return server.services();
  }

  public String storeId() {
    return STORE;
  }

  public String terminalId() {
    return TERMINAL;
  }

  public String adminToken() {
    return adminToken;
  }

  public String terminalToken() {
    return terminalToken;
  }

  /** A session token, or an AssertionError naming the answer. */
  public String login(String username, String password) {
    TestHttp.Response answer = http.post("/api/v1/auth/login", null,
        Map.of("username", username, "password", password));
    require(answer, 200);
    return answer.json().get("token").asText();
  }

  public void createStore(String storeId) {
    require(http.post("/api/v1/admin/stores", adminToken,
        Map.of("id", storeId, "name", "Store " + storeId, "timeZone", "Europe/Moscow", "currency", "RUB")), 201);
  }

  /** Creates and enrolls a terminal; answers its token. */
  public String createTerminal(String storeId, String terminalId) {
    TestHttp.Response created = http.post("/api/v1/admin/stores/" + storeId + "/terminals", adminToken,
        Map.of("id", terminalId, "name", "Till " + terminalId));
    require(created, 201);
    String code = created.json().get("enrollmentCode").asText();
    TestHttp.Response enrolled = http.post("/api/v1/terminals/enroll", null, Map.of("code", code));
    require(enrolled, 200);
    return enrolled.json().get("token").asText();
  }

  /** Creates a user with a role (and store, for a manager) and logs them in. */
  public String userToken(String username, Role role, String storeId) {
    String password = "password-of-" + username;
    Map<String, Object> body = storeId == null
        ? Map.of("username", username, "password", password, "role", role.name())
        : Map.of("username", username, "password", password, "role", role.name(), "storeId", storeId);
    require(http.post("/api/v1/admin/users", adminToken, body), 201);
    return login(username, password);
  }

  private static void require(TestHttp.Response answer, int status) {
    if (answer.status() != status) {
      throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
    }
  }

  @Override
  public void close() {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
