package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.demo.CatalogCsv;
import dev.kassa.model.demo.DemoData;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.EventResult.Outcome;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.catalog.CatalogImportTest;
import dev.kassa.server.http.ProblemMapper;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The terminal's sync calls and the office's loyalty calls against the real server, on both engines. */
class SyncHttpTest {

  static PushResponse push(TestServer server, String token, Events terminal, List<SyncEvent> events) {
    TestHttp.Response answer = server.http().post("/api/v1/sync/push", token,
        new PushRequest(1, UUID.randomUUID(), terminal.terminalId(), new ChainHead(0, ""), events));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.as(PushResponse.class);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void pushedPointsShowInTheBalanceTheCardsFeedAndTheOfficeCounts(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      SyncEvent sale = till.sale("7000001", 120);
      PushResponse pushed = push(server, server.terminalToken(), till, List.of(sale,
          till.entry("7000001", EntryType.EARN, 120, 1, sale.id())));

      assertThat(pushed.results()).extracting(r -> r.outcome()).containsOnly(Outcome.ACCEPTED);
      CardBalance balance = server.http().get("/api/v1/loyalty/cards/7000001/balance", server.terminalToken())
          .as(CardBalance.class);
      assertThat(balance.balance()).isEqualTo(120);
      PullResponse cards = server.http().get("/api/v1/sync/pull/cards?cursor=&limit=10", server.terminalToken())
          .as(PullResponse.class);
      assertThat(cards.snapshot()).isTrue();
      assertThat(cards.changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo("card");
        assertThat(c.data().get("balance").asLong()).isEqualTo(120);
      });
      assertThat(server.http().get("/api/v1/admin/sync/sales-per-terminal", server.adminToken()).json()
          .get(TestServer.TERMINAL).asLong()).isEqualTo(1);
      assertThat(server.http().get("/api/v1/admin/loyalty/balances", server.adminToken()).json()
          .get("7000001").asLong()).isEqualTo(120);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aHoldIsRefusedBeyondTheAvailablePointsAndPostedByTheSalesRedemption(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      String token = server.terminalToken();
      push(server, token, till, List.of(till.entry("7000002", EntryType.EARN, 100, 1, null)));
      UUID saleId = UUID.randomUUID();
      ReservationRequest hold = new ReservationRequest(UUID.randomUUID(), "7000002", 70, saleId);

      Reservation held = server.http().post("/api/v1/loyalty/reservations", token, hold).as(Reservation.class);
      Reservation again = server.http().post("/api/v1/loyalty/reservations", token, hold).as(Reservation.class);
      TestHttp.Response tooMuch = server.http().post("/api/v1/loyalty/reservations", token,
          new ReservationRequest(UUID.randomUUID(), "7000002", 31, UUID.randomUUID()));

      assertThat(held.status()).isEqualTo(Reservation.Status.HELD);
      assertThat(again).isEqualTo(held);
      assertThat(tooMuch.status()).isEqualTo(409);
      assertThat(tooMuch.contentType()).startsWith(ProblemMapper.CONTENT_TYPE);
      assertThat(tooMuch.json().get("detail").asText()).contains("30 available");

      push(server, token, till, List.of(till.entry("7000002", EntryType.REDEEM, -70, 2, saleId)));
      TestHttp.Response lateVoid = server.http().post("/api/v1/loyalty/reservations/" + held.id() + "/void", token, null);
      CardBalance after = server.http().get("/api/v1/loyalty/cards/7000002/balance", token).as(CardBalance.class);

      assertThat(lateVoid.status()).isEqualTo(409);
      assertThat(after.balance()).isEqualTo(30);
      assertThat(after.held()).isZero();
      assertThat(after.available()).isEqualTo(30);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aVoidedHoldFreesItsPoints(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      String token = server.terminalToken();
      push(server, token, till, List.of(till.entry("7000003", EntryType.EARN, 50, 1, null)));
      Reservation held = server.http().post("/api/v1/loyalty/reservations", token,
          new ReservationRequest(UUID.randomUUID(), "7000003", 50, UUID.randomUUID())).as(Reservation.class);

      Reservation voided = server.http().post("/api/v1/loyalty/reservations/" + held.id() + "/void", token, null)
          .as(Reservation.class);

      assertThat(voided.status()).isEqualTo(Reservation.Status.VOIDED);
      assertThat(server.http().get("/api/v1/loyalty/cards/7000003/balance", token).as(CardBalance.class).available())
          .isEqualTo(50);
      assertThat(server.http().post("/api/v1/loyalty/reservations/" + UUID.randomUUID() + "/void", token, null)
          .status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anOfflineOverspendOnTwoTerminalsIsOneConflictTheOfficeCanWriteOff(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      String token2 = server.createTerminal(TestServer.STORE, "till-2");
      Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
      Events till2 = new Events(TestServer.STORE, "till-2");
      push(server, server.terminalToken(), till1, List.of(till1.entry("7000004", EntryType.EARN, 150, 1, null)));
      push(server, token2, till2, List.of(till2.entry("7000004", EntryType.REDEEM, -100, 3, UUID.randomUUID())));
      push(server, server.terminalToken(), till1,
          List.of(till1.entry("7000004", EntryType.REDEEM, -100, 2, UUID.randomUUID())));

      JsonNode conflicts = server.http().get("/api/v1/admin/loyalty/conflicts", server.adminToken()).json();
      assertThat(conflicts).hasSize(1);
      assertThat(conflicts.get(0).get("involved")).hasSize(2);
      assertThat(conflicts.get(0).get("deficit").asLong()).isEqualTo(50);
      PullResponse feed = server.http().get("/api/v1/sync/pull/conflicts?cursor=", token2).as(PullResponse.class);
      assertThat(feed.changes()).extracting(c -> c.key()).containsExactly(conflicts.get(0).get("id").asText());

      TestHttp.Response resolved = server.http().post("/api/v1/admin/loyalty/conflicts/"
          + conflicts.get(0).get("id").asText() + "/resolve", server.adminToken(),
          Map.of("action", "WRITE_OFF", "reason", "goodwill"));

      assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
      assertThat(resolved.json().get("status").asText()).isEqualTo("RESOLVED");
      assertThat(server.http().get("/api/v1/loyalty/cards/7000004/balance", token2).as(CardBalance.class).balance())
          .isZero();
      long audited = server.services().db().read(c -> {
        try (var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE event = 'CONFLICT_RESOLVED'")) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(audited).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void badRequestsAreProblemsAndStoreNothing(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      String token = server.terminalToken();
      TestHttp.Response malformed = server.http().post("/api/v1/sync/push", token, "{\"events\": [");
      TestHttp.Response unknownFeed = server.http().get("/api/v1/sync/pull/weather", token);
      TestHttp.Response badCursor = server.http().get("/api/v1/sync/pull/cards?cursor=%27%3B--", token);
      TestHttp.Response badLimit = server.http().get("/api/v1/sync/pull/cards?limit=1000000", token);
      TestHttp.Response badContinued = server.http().get("/api/v1/sync/pull/cards?cursor=&continued=yes", token);
      TestHttp.Response adjustByTerminal = server.http().post("/api/v1/admin/loyalty/cards/1/adjustments", token,
          Map.of("id", UUID.randomUUID().toString(), "points", 5, "reason", "x"));

      assertThat(List.of(malformed, unknownFeed, badCursor, badLimit, badContinued)).allSatisfy(
          r -> assertThat(r.contentType()).startsWith(ProblemMapper.CONTENT_TYPE));
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(unknownFeed.status()).isEqualTo(404);
      assertThat(badCursor.status()).isEqualTo(400);
      assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
      assertThat(badContinued.status()).isEqualTo(400);
      assertThat(badContinued.json().get("field").asText()).isEqualTo("continued");
      assertThat(adjustByTerminal.status()).isEqualTo(403);
      assertThat(server.http().get("/api/v1/admin/sync/sales-per-terminal", server.adminToken()).json()).isEmpty();
    }
  }

  /**
   * Compaction removes old tombstones: a cursor older than one would never learn of that deletion,
   * so it is gone (410) and the terminal takes a snapshot, which leaves the deleted product out.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void anExpiredCursorIsGoneAndTheTerminalTakesASnapshot(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      String token = server.terminalToken();
      CatalogImportTest.prepareReferences(server);
      List<Product> products = DemoData.standard().products().subList(0, 2);
      assertThat(server.http().post("/api/v1/admin/catalog/import?currency=RUB", server.adminToken(),
          CatalogCsv.write(products)).status()).isEqualTo(200);
      String cursor = server.http().get("/api/v1/sync/pull/catalog?cursor=", token).as(PullResponse.class).cursor();
      assertThat(server.http().send("DELETE", "/api/v1/admin/catalog/products/" + products.get(1).sku(),
          server.adminToken(), null).status()).isEqualTo(204);
      assertThat(server.http().get("/api/v1/sync/pull/catalog?cursor=" + cursor, token).status()).isEqualTo(200);

      assertThat(server.http().post("/api/v1/admin/sync/compact-feeds?olderThanDays=0", server.adminToken(), null)
          .json().get("removed").asInt()).isEqualTo(1);
      TestHttp.Response gone = server.http().get("/api/v1/sync/pull/catalog?cursor=" + cursor, token);
      PullResponse fresh = server.http().get("/api/v1/sync/pull/catalog?limit=1000&cursor=", token).as(PullResponse.class);

      assertThat(gone.status()).isEqualTo(410);
      assertThat(gone.json().get("detail").asText()).isEqualTo("cursor expired, take a snapshot");
      assertThat(fresh.changes()).filteredOn(change -> change.kind().equals("product"))
          .extracting(Change::key).containsExactly(products.get(0).sku());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theCardPublisherPublishesAMovedCardWithoutWaitingForAPull(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      push(server, server.terminalToken(), till, List.of(till.entry("7000006", EntryType.EARN, 10, 1, null)));

      await().atMost(Duration.ofSeconds(20)).until(() -> server.services().db().read(c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM feed_latest WHERE stream = ? AND entity_key = ?")) {
          ps.setString(1, Stream.CARDS.id());
          ps.setString(2, "7000006");
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 1;
          }
        }
      }));
    }
  }
}
