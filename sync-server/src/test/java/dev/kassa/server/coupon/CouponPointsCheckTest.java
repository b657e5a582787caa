package dev.kassa.server.coupon;

import static dev.kassa.server.coupon.CouponIssuanceTest.BATCHES;
import static dev.kassa.server.coupon.CouponIssuanceTest.CARD;
import static dev.kassa.server.coupon.CouponIssuanceTest.PROMO;
import static dev.kassa.server.coupon.CouponIssuanceTest.SINGLE_USE;
import static dev.kassa.server.coupon.CouponIssuanceTest.publishDemoProgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.LoyaltyCardFormat;
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
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.sync.Events;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sale records the coupon codes presented at the till; the server's points recompute must count them
 * as the till's engine did (their definitions), through the real server on both engines.
 */
class CouponPointsCheckTest {
  private static final LoyaltyProgram PROGRAM = DemoProgram.load();
  private static final String OTHER_CARD = ((CodeResult.Ok<String>) LoyaltyCardFormat.standard().generate(8)).value();
  /** Inside the promo code's dates (spring 2026). */
  private static final Instant SPRING = Instant.parse("2026-04-15T10:00:00Z");

  private static TestServer prepared(Engine engine) {
    TestServer server = TestServer.start(engine);
    publishDemoProgram(server);
    issue(server, List.of("SALE-0001"), CARD);
    issue(server, List.of("SALE-0002"), null);
    return server;
  }

  private static void issue(TestServer server, List<String> codes, String card) {
    Map<String, Object> request = new HashMap<>(Map.of("definitionId", SINGLE_USE, "codes", codes));
    if (card != null) {
      request.put("cardNumber", card);
    }
    TestHttp.Response issued = server.http().post(BATCHES, server.adminToken(), request);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
  }

  /** Three lines of 1000.00, over the coupon's minimum check. */
  private static List<BasketLine> lines() {
    List<BasketLine> lines = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      lines.add(BasketLine.of(i, "SKU" + i, "CAT", Quantity.pieces(1), Tills.rub(100_000)));
    }
    return lines;
  }

  /** What the till's engine gives a first purchase on {@code card} with the coupon definitions {@code couponIds}. */
  private static Evaluation atTheTill(String card, Instant at, List<String> couponIds) {
    CardState fresh = CardState.fresh(card, Tills.rub(0), null);
    return LoyaltyEngine.of(PROGRAM).evaluate(fresh, new Basket(Tills.rub(0).currency(), lines(), couponIds, 0), at);
  }

  /** A sale presenting {@code codes} whose lines and points the till's engine gave with {@code couponIds}. */
  private static SyncEvent sale(Events till, String card, Instant at, List<String> codes, List<String> couponIds) {
    Evaluation evaluation = atTheTill(card, at, couponIds);
    List<SaleLine> lines = new ArrayList<>();
    for (BasketLine line : lines()) {
      LineOutcome out = evaluation.line(line.lineNo());
      lines.add(new SaleLine(line.lineNo(), line.sku(), null, line.sku(), line.categoryId(), line.quantity(),
          line.unitPrice(), line.amount(), out.discount(), "VAT22", 2200, out.points(), line.flags()));
    }
    Money total = evaluation.total();
    UUID id = UUID.randomUUID();
    return till.fiscal(id, new Sale(id, till.storeId(), till.terminalId(), UUID.randomUUID(), 1, "cashier-1", at,
        lines, total, List.of(Payment.cash(total, total)), new SaleLoyalty(card, PROGRAM.version(),
        evaluation.tierId(), evaluation.pointsEarned(), 0, Tills.rub(0), null, false, codes)));
  }

  private static void push(TestServer server, String token, Events till, SyncEvent event) {
    TestHttp.Response answer = server.http().post("/api/v1/sync/push", token,
        new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), List.of(event)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.as(PushResponse.class).results()).extracting(EventResult::outcome)
        .containsOnly(EventResult.Outcome.ACCEPTED);
  }

  private static Optional<JsonNode> mismatch(TestServer server, SyncEvent sale) {
    TestHttp.Response page = server.http().get("/api/v1/admin/loyalty/mismatches", server.adminToken());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    for (JsonNode m : page.json()) {
      if (m.get("saleId").asText().equals(sale.id().toString())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSingleUseCodeCountsAsItsCouponAsAtTheTill(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      // typed in lower case: the till compares codes case-insensitively
      SyncEvent sale = sale(till, CARD, Events.T0, List.of("sale-0001"), List.of(SINGLE_USE));

      push(server, server.terminalToken(), till, sale);

      assertThat(sale.payload()).isInstanceOfSatisfying(Sale.class, s -> assertThat(s.loyalty().pointsEarned())
          .isLessThan(atTheTill(CARD, Events.T0, List.of()).pointsEarned()));
      assertThat(mismatch(server, sale)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPromoCodeCountsAsItsCouponAsAtTheTill(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      SyncEvent sale = sale(till, CARD, SPRING, List.of("spring"), List.of(PROMO));

      push(server, server.terminalToken(), till, sale);

      assertThat(sale.payload()).isInstanceOfSatisfying(Sale.class, s -> assertThat(s.loyalty().pointsEarned())
          .isLessThan(atTheTill(CARD, SPRING, List.of()).pointsEarned()));
      assertThat(mismatch(server, sale)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSaleWhosePointsLeftOutItsCouponIsAMismatch(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      SyncEvent sale = sale(till, CARD, Events.T0, List.of("SALE-0001"), List.of());

      push(server, server.terminalToken(), till, sale);

      long withCoupon = atTheTill(CARD, Events.T0, List.of(SINGLE_USE)).pointsEarned();
      assertThat(mismatch(server, sale)).hasValueSatisfying(m -> {
        assertThat(m.get("serverPoints").asLong()).isEqualTo(withCoupon);
        assertThat(m.get("terminalPoints").asLong()).isGreaterThan(withCoupon);
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCodeAnotherTillUsedFirstStillCountsAsTheLateTillKnewIt(Engine engine) {
    try (TestServer server = prepared(engine)) {
      String token2 = server.createTerminal(TestServer.STORE, "till-2");
      Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
      Events till2 = new Events(TestServer.STORE, "till-2");
      SyncEvent first = sale(till1, CARD, Events.T0, List.of("SALE-0002"), List.of(SINGLE_USE));
      SyncEvent second = sale(till2, OTHER_CARD, Events.T0, List.of("SALE-0002"), List.of(SINGLE_USE));
      push(server, server.terminalToken(), till1, first);

      push(server, token2, till2, second);

      assertThat(mismatch(server, first)).isEmpty();
      assertThat(mismatch(server, second)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void codesTheTillMustHaveRefusedAreLeftOut(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      // an unknown code, a code bound to another card, a promo code out of its dates
      SyncEvent sale = sale(till, OTHER_CARD, Events.T0, List.of("NO-SUCH-CODE", "SALE-0001", "SPRING"), List.of());

      push(server, server.terminalToken(), till, sale);

      assertThat(mismatch(server, sale)).isEmpty();
    }
  }
}
