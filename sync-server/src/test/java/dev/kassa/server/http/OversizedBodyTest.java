package dev.kassa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.demo.DemoData;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.PushService;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies past a limit: the request size, the events of one push, the catalog upload. Each is a
 * 413 problem naming what is too large, stores nothing, and the server goes on serving. The
 * limits are set small so that no test sends megabytes it does not need.
 */
class OversizedBodyTest {
  private static final long REQUEST_LIMIT = 4L * 1024 * 1024;
  private static final long UPLOAD_LIMIT = 16 * 1024;
  private static final Map<Engine, TestServer> SERVERS = new EnumMap<>(Engine.class);
  private static final DemoData DEMO = DemoData.standard();
  private static final String IMPORT = "/api/v1/admin/catalog/import?currency=RUB";

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(TestServer::close);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBodyOverTheRequestLimitIsA413Problem(Engine engine) {
    TestServer server = server(engine);
    Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
    // a push the server would take if it were small enough: real events, padded past the limit
    String push = new String(SyncCodec.canonicalBytes(batch(till, 10)), StandardCharsets.UTF_8);
    String padded = push.substring(0, push.length() - 1) + ",\"padding\":\"" + "x".repeat((int) REQUEST_LIMIT) + "\"}";
    long eventsBefore = count(server, "sync_events");

    TestHttp.Response answer = server.http().post("/api/v1/sync/push", server.terminalToken(), padded);

    assertTooLarge(answer);
    assertThat(answer.json().get("detail").asText()).contains(Long.toString(REQUEST_LIMIT));
    assertThat(count(server, "sync_events")).isEqualTo(eventsBefore);
    assertStillServing(server);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPushOfMoreThanTheEventLimitIsA413NamingEvents(Engine engine) {
    TestServer server = server(engine);
    Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
    byte[] body = SyncCodec.canonicalBytes(batch(till, PushService.MAX_EVENTS + 1));
    assertThat((long) body.length).as("within the request limit, so the event count is what refuses it")
        .isLessThan(REQUEST_LIMIT);
    long eventsBefore = count(server, "sync_events");

    TestHttp.Response answer = server.http().post("/api/v1/sync/push", server.terminalToken(), body);

    assertTooLarge(answer);
    assertThat(answer.json().get("field").asText()).isEqualTo("events");
    assertThat(answer.json().get("detail").asText()).contains(Integer.toString(PushService.MAX_EVENTS));
    assertThat(count(server, "sync_events")).isEqualTo(eventsBefore);
    assertStillServing(server);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCatalogOverTheUploadLimitIsA413AndImportsNothing(Engine engine) {
    TestServer server = server(engine);
    String csv = DEMO.catalogCsv();
    assertThat((long) csv.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(UPLOAD_LIMIT);
    String small = String.join("\n", List.of(csv.split("\n")).subList(0, 4)) + "\n";
    long productsBefore = new CatalogStore(server.services().db()).productCount();

    TestHttp.Response tooLarge = server.http().post(IMPORT, server.adminToken(), csv);

    assertTooLarge(tooLarge);
    assertThat(tooLarge.json().get("detail").asText()).contains(Long.toString(UPLOAD_LIMIT));
    assertThat(new CatalogStore(server.services().db()).productCount()).isEqualTo(productsBefore);
    TestHttp.Response within = server.http().post(IMPORT, server.adminToken(), small);
    assertThat(within.status()).as("a file within the limit is imported: " + within.body()).isEqualTo(200);
  }

  private static void assertTooLarge(TestHttp.Response answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
    assertThat(answer.json().get("status").asInt()).isEqualTo(413);
    assertThat(answer.json().get("detail").asText()).isNotBlank();
    // the body was not read to its end: the client must not send its next request on this connection
    assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
  }

  private static PushRequest batch(Events till, int events) {
    List<SyncEvent> list = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      list.add(till.entry("7100000", EntryType.EARN, 1, i + 1, null));
    }
    return new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), list);
  }

  private static long count(TestServer server, String table) {
    return server.services().db().read(c -> {
      try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static void assertStillServing(TestServer server) {
    assertThat(server.http().get("/health", null).status()).isEqualTo(200);
    assertThat(server.http().get("/api/v1/sync/pull/catalog?cursor=", server.terminalToken()).status())
        .isEqualTo(200);
  }

  private static synchronized TestServer server(Engine engine) {
    return SERVERS.computeIfAbsent(engine, e -> {
      TestServer server = TestServer.start(e, config -> config.withMaxRequestBytes(REQUEST_LIMIT)
          .withMaxUploadBytes(UPLOAD_LIMIT));
      assertThat(server.http().post("/api/v1/admin/catalog/vat-rates", server.adminToken(), DEMO.vatRates())
          .status()).isEqualTo(200);
      assertThat(server.http().post("/api/v1/admin/catalog/categories", server.adminToken(), DEMO.categories())
          .status()).isEqualTo(200);
      return server;
    });
  }
}
