package dev.kassa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.http.Access;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.http.Route;
import dev.kassa.server.store.DataAccessException;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import io.javalin.Javalin;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A handler failing in a way nobody planned for: the client gets a generic 500 problem with an
 * incident id, never the exception's class, message or stack (they can name tables, paths or
 * secrets); the log has them under the same incident id.
 */
class UnexpectedFailureTest {
  private static final String SECRET = "jdbc:postgresql://db/kassa?password=hunter2 in /srv/kassa/Secret.java";

  private static TestServer server;
  private static Javalin app;
  private static TestHttp http;

  static Stream<RuntimeException> failures() {
    return Stream.of(
        new IllegalStateException(SECRET),
        new NullPointerException(SECRET),
        new DataAccessException(SECRET, new SQLException(SECRET, "XX000")),
        new UnsupportedOperationException(SECRET, new RuntimeException(SECRET)));
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(Engine.SQLITE);
    List<Route> routes = failures()
        .map(failure -> Route.get("/fail/" + failure.getClass().getSimpleName(), Access.PUBLIC, ctx -> {
          throw failure;
        }))
        .toList();
    app = ServerApp.create(server.services(), routes).start(0);
    http = new TestHttp("http://localhost:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.stop();
    server.close();
  }

  @ParameterizedTest
  @MethodSource("failures")
  void anUnexpectedExceptionIsAGeneric500ProblemWithoutItsDetails(RuntimeException failure) {
    TestHttp.Response answer = http.get("/fail/" + failure.getClass().getSimpleName(), null);

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
    assertThat(answer.json().get("status").asInt()).isEqualTo(500);
    assertThat(answer.json().get("detail").asText()).matches("unexpected failure; incident [0-9a-f-]{36}");
    assertThat(answer.body()).doesNotContain(failure.getClass().getSimpleName(), "Exception", "hunter2",
        "Secret.java", "at dev.kassa", "java.");
  }
}
