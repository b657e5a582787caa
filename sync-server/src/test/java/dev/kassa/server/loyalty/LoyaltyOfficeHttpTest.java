package dev.kassa.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LineOutcome;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventResult.Outcome;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.auth.Role;
import dev.kassa.server.sync.Events;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.ServerPerEngine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The office's loyalty calls against the real server: mismatches, manual adjustments, the overdraft policy. */
class LoyaltyOfficeHttpTest {
  private static final ServerPerEngine SERVERS = new ServerPerEngine();
  private static final LoyaltyProgram PROGRAM = DemoProgram.load();

  @AfterAll
  static void stop() {
    SERVERS.close();
  }

  private static PushResponse push(TestServer server, String token, Events terminal, List<SyncEvent> events) {
    TestHttp.Response answer = server.http().post("/api/v1/sync/push", token,
        new PushRequest(1, UUID.randomUUID(), terminal.terminalId(), new ChainHead(0, ""), events));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    PushResponse response = answer.as(PushResponse.class);
    assertThat(response.results()).extracting(r -> r.outcome()).containsOnly(Outcome.ACCEPTED);
    return response;
  }

  /** A first purchase on {@code card} as a terminal's engine evaluates it, claiming {@code claimed} points (null: its own). */
  private static Sale sale(Events till, String card, Long claimed) {
    List<BasketLine> basket = List.of(
        BasketLine.of(1, "milk", "dairy", Quantity.pieces(2), Money.ofMinor(8_990, "RUB")),
        BasketLine.of(2, "bread", "bakery", Quantity.pieces(1), Money.ofMinor(5_450, "RUB")));
    Evaluation evaluation = LoyaltyEngine.of(PROGRAM).evaluate(CardState.fresh(card, Money.ofMinor(0, "RUB"), null),
        Basket.of(Money.ofMinor(0, "RUB").currency(), basket), Events.T0);
    List<SaleLine> lines = new ArrayList<>();
    for (BasketLine line : basket) {
      LineOutcome out = evaluation.line(line.lineNo());
      lines.add(new SaleLine(line.lineNo(), line.sku(), null, line.sku(), line.categoryId(), line.quantity(),
          line.unitPrice(), line.amount(), out.discount(), "VAT10", 1000, out.points(), line.flags()));
    }
    Money total = evaluation.total();
    return new Sale(UUID.randomUUID(), till.storeId(), till.terminalId(), UUID.randomUUID(), 1, "cashier", Events.T0,
        lines, total, List.of(Payment.cash(total, total)), new SaleLoyalty(card, PROGRAM.version(),
        evaluation.tierId(), claimed == null ? evaluation.pointsEarned() : claimed, 0, Money.ofMinor(0, "RUB"), null,
        false, List.of()));
  }

  private static long count(TestServer server, String sql, String param) {
    return server.services().db().read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, param);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSaleWhosePointsTheServersEngineComputesDifferentlyIsListedAsAMismatch(Engine engine) {
    TestServer server = SERVERS.get(engine);
    TestHttp.Response published = server.http().post("/api/v1/admin/programs", server.adminToken(),
        DemoProgram.json());
    assertThat(published.status()).as(published.body()).isIn(201, 200);
    Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
    Sale honest = sale(till, "7100001", null);
    long fair = honest.loyalty().pointsEarned();
    Sale inflated = sale(till, "7100002", fair + 500);
    assertThat(fair).isPositive();

    push(server, server.terminalToken(), till, List.of(till.fiscal(honest.id(), honest),
        till.fiscal(inflated.id(), inflated)));

    JsonNode mismatches = server.http().get("/api/v1/admin/loyalty/mismatches", server.adminToken()).json();
    List<JsonNode> ours = new ArrayList<>();
    mismatches.forEach(m -> {
      if (m.get("cardNumber").asText().startsWith("71000")) {
        ours.add(m);
      }
    });
    assertThat(ours).singleElement().satisfies(m -> {
      assertThat(m.get("saleId").asText()).isEqualTo(inflated.id().toString());
      assertThat(m.get("terminalId").asText()).isEqualTo(TestServer.TERMINAL);
      assertThat(m.get("programVersion").asInt()).isEqualTo(PROGRAM.version());
      assertThat(m.get("terminalPoints").asLong()).isEqualTo(fair + 500);
      assertThat(m.get("serverPoints").asLong()).isEqualTo(fair);
    });
    assertThat(server.http().get("/api/v1/admin/loyalty/mismatches", server.terminalToken()).status())
        .isEqualTo(403);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anOfficeAdjustmentMovesTheBalanceOnceByItsIdIsAuditedAndReachesTheCardsFeed(Engine engine) {
    TestServer server = SERVERS.get(engine);
    Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
    String card = "7100010";
    push(server, server.terminalToken(), till, List.of(till.entry(card, EntryType.EARN, 40, 1, null)));
    Map<String, Object> adjustment = Map.of("id", UUID.randomUUID().toString(), "points", 25,
        "reason", "compensation for a broken scale");

    TestHttp.Response first = server.http().post("/api/v1/admin/loyalty/cards/" + card + "/adjustments",
        server.adminToken(), adjustment);
    TestHttp.Response again = server.http().post("/api/v1/admin/loyalty/cards/" + card + "/adjustments",
        server.adminToken(), adjustment);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.as(CardBalance.class).balance()).isEqualTo(65);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.as(CardBalance.class).balance()).isEqualTo(65);
    assertThat(server.http().get("/api/v1/loyalty/cards/" + card + "/balance", server.terminalToken())
        .as(CardBalance.class).balance()).isEqualTo(65);
    assertThat(count(server, "SELECT COUNT(*) FROM ledger_entries WHERE card_number = ? AND type = 'ADJUST'"
        + " AND points = 25 AND terminal_id = 'office:" + TestServer.ADMIN_USER + "'", card)).isEqualTo(1);
    assertThat(count(server, "SELECT COUNT(*) FROM audit_log WHERE event = 'LOYALTY_ADJUSTED' AND detail LIKE ?",
        card + " 25 points%")).isEqualTo(1);
    PullResponse cards = server.http().get("/api/v1/sync/pull/cards?cursor=&limit=1000", server.terminalToken())
        .as(PullResponse.class);
    assertThat(cards.changes()).filteredOn(c -> c.key().equals(card)).singleElement()
        .satisfies(c -> assertThat(c.data().get("balance").asLong()).isEqualTo(65));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void onlyTheOfficeAdjustsAndAnAdjustmentNeedsAReason(Engine engine) {
    TestServer server = SERVERS.get(engine);
    String manager = server.userToken("manager-" + engine.name().toLowerCase(), Role.STORE_MANAGER, TestServer.STORE);
    String path = "/api/v1/admin/loyalty/cards/7100011/adjustments";

    TestHttp.Response byManager = server.http().post(path, manager,
        Map.of("id", UUID.randomUUID().toString(), "points", 25, "reason", "goodwill"));
    TestHttp.Response withoutReason = server.http().post(path, server.adminToken(),
        Map.of("id", UUID.randomUUID().toString(), "points", 25, "reason", " "));
    TestHttp.Response anonymous = server.http().post(path, null,
        Map.of("id", UUID.randomUUID().toString(), "points", 25, "reason", "goodwill"));

    assertThat(byManager.status()).isEqualTo(403);
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(count(server, "SELECT COUNT(*) FROM ledger_entries WHERE card_number = ?", "7100011")).isZero();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aServerStartedWithTheWriteOffPolicyLeavesNoCardNegativeAndTheConflictResolved(Engine engine) {
    try (TestServer server = TestServer.start(engine, c -> c.withOverdraftPolicy(OverdraftPolicy.WRITE_OFF))) {
      String token2 = server.createTerminal(TestServer.STORE, "till-2");
      Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
      Events till2 = new Events(TestServer.STORE, "till-2");
      push(server, server.terminalToken(), till1, List.of(till1.entry("7100020", EntryType.EARN, 150, 1, null),
          till1.entry("7100020", EntryType.REDEEM, -100, 2, UUID.randomUUID())));
      push(server, token2, till2, List.of(till2.entry("7100020", EntryType.REDEEM, -100, 3, UUID.randomUUID())));

      JsonNode conflicts = server.http().get("/api/v1/admin/loyalty/conflicts", server.adminToken()).json();
      assertThat(conflicts).hasSize(1);
      assertThat(conflicts.get(0).get("status").asText()).isEqualTo("RESOLVED");
      assertThat(conflicts.get(0).get("resolvedBy").asText()).isEqualTo(OverdraftPolicy.RESOLVER);
      assertThat(conflicts.get(0).get("deficit").asLong()).isEqualTo(50);
      assertThat(server.http().get("/api/v1/loyalty/cards/7100020/balance", token2).as(CardBalance.class).balance())
          .isZero();
    }
  }
}
