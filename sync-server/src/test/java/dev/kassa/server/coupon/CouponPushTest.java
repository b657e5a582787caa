package dev.kassa.server.coupon;

import static dev.kassa.server.coupon.CertificateAdminTest.CERTIFICATES;
import static dev.kassa.server.coupon.CertificateAdminTest.certificate;
import static dev.kassa.server.coupon.CouponIssuanceTest.BATCHES;
import static dev.kassa.server.coupon.CouponIssuanceTest.CARD;
import static dev.kassa.server.coupon.CouponIssuanceTest.SINGLE_USE;
import static dev.kassa.server.coupon.CouponIssuanceTest.publishDemoProgram;
import static dev.kassa.server.coupon.CouponIssuanceTest.pullCoupons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.loyalty.certificate.GiftCertificate;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.sync.Events;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pushed sales, voids and returns moving coupons and certificates, through the real server on both engines. */
class CouponPushTest {

  private static TestServer prepared(Engine engine) {
    TestServer server = TestServer.start(engine);
    publishDemoProgram(server);
    TestHttp.Response issued = server.http().post(BATCHES, server.adminToken(),
        Map.of("definitionId", SINGLE_USE, "codes", List.of("SALE-0001")));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    TestHttp.Response sold = server.http().post(CERTIFICATES, server.adminToken(), certificate("GC-0001", 100_000));
    assertThat(sold.status()).as(sold.body()).isEqualTo(201);
    return server;
  }

  private static PushResponse push(TestServer server, String token, Events till, List<SyncEvent> events) {
    TestHttp.Response answer = server.http().post("/api/v1/sync/push", token,
        new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), events));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.as(PushResponse.class);
  }

  private static JsonNode coupon(TestServer server) {
    return server.http().get("/api/v1/admin/coupons/SALE-0001", server.adminToken()).json();
  }

  private static long balance(TestServer server) {
    return server.http().get(CERTIFICATES + "/GC-0001", server.adminToken()).json().get("balance").get("minor")
        .asLong();
  }

  private static List<String> movements(TestServer server) {
    return server.services().db().read(c -> {
      List<String> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT kind, amount_minor, flag FROM certificate_movements"
          + " ORDER BY at, kind, amount_minor"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getLong(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
        }
      }
      return rows;
    });
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPushedSaleUsesItsCouponAndPaysFromTheCertificateAndTheTillsPullSeeIt(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      String cursor = pullCoupons(server, "").cursor();
      SyncEvent sale = Tills.sale(till, CARD, List.of("sale-0001"), "gc-0001", 30_000);

      PushResponse pushed = push(server, server.terminalToken(), till, List.of(sale));
      PullResponse next = pullCoupons(server, cursor);
      PullResponse snapshot = pullCoupons(server, "");

      assertThat(pushed.results()).extracting(EventResult::outcome).containsOnly(EventResult.Outcome.ACCEPTED);
      assertThat(next.changes()).extracting(Change::kind).containsExactlyInAnyOrder("coupon", "certificate");
      // the new state replaced the issued one: a new till's snapshot has each entity once
      assertThat(snapshot.changes()).extracting(Change::kind).containsExactlyInAnyOrder("coupon", "certificate");
      for (PullResponse page : List.of(next, snapshot)) {
        Change coupon = page.changes().stream().filter(c -> c.kind().equals("coupon")).findFirst().orElseThrow();
        Change certificate = page.changes().stream().filter(c -> c.kind().equals("certificate")).findFirst()
            .orElseThrow();
        assertThat(SyncCodec.fromTree(coupon.data(), IssuedCoupon.class).usedInSale()).isEqualTo(sale.id());
        assertThat(SyncCodec.fromTree(certificate.data(), GiftCertificate.class).balance())
            .isEqualTo(Tills.rub(70_000));
      }
      assertThat(movements(server)).containsExactly("PAY -30000");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSaleSentAgainUsesNothingTwice(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      SyncEvent sale = Tills.sale(till, CARD, List.of("SALE-0001"), "GC-0001", 30_000);
      push(server, server.terminalToken(), till, List.of(sale));

      // the reply was lost: the same batch again, and the same sale under a new event id
      PushResponse again = push(server, server.terminalToken(), till, List.of(sale));
      push(server, server.terminalToken(), till, List.of(new SyncEvent(UUID.randomUUID(), sale.hlc(),
          sale.terminalTime(), sale.storeId(), sale.terminalId(), sale.journal(), sale.payload())));

      assertThat(again.results()).extracting(EventResult::outcome).containsOnly(EventResult.Outcome.DUPLICATE);
      assertThat(balance(server)).isEqualTo(70_000);
      assertThat(movements(server)).containsExactly("PAY -30000");
      assertThat(coupon(server).get("reusedBy")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCodeAndACertificateSpentOnTwoTillsOfflineAreRecordedNotLost(Engine engine) {
    try (TestServer server = prepared(engine)) {
      String token2 = server.createTerminal(TestServer.STORE, "till-2");
      Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
      Events till2 = new Events(TestServer.STORE, "till-2");
      SyncEvent first = Tills.sale(till1, CARD, List.of("SALE-0001"), "GC-0001", 50_000);
      SyncEvent second = Tills.sale(till2, CARD, List.of("SALE-0001"), "GC-0001", 50_000);
      push(server, server.terminalToken(), till1, List.of(first));
      push(server, server.terminalToken(), till1, List.of(Tills.sale(till1, CARD, List.of(), "GC-0001", 40_000)));

      PushResponse late = push(server, token2, till2, List.of(second));

      assertThat(late.results()).extracting(EventResult::outcome).containsOnly(EventResult.Outcome.ACCEPTED);
      JsonNode coupon = coupon(server);
      assertThat(coupon.get("coupon").get("usedInSale").asText()).isEqualTo(first.id().toString());
      assertThat(coupon.get("reusedBy")).extracting(JsonNode::asText).containsExactly(second.id().toString());
      assertThat(balance(server)).isZero();
      assertThat(movements(server)).containsExactlyInAnyOrder("PAY -50000", "PAY -40000", "PAY -10000 SHORT");
    }
  }

  /**
   * The set of sales that used a code is merged by union: whatever order three tills' sales (and a
   * void) arrive in, the code ends held by the earliest live sale (the smallest sale id, a UUIDv7:
   * the till's time of the sale, then random bits) and every other live sale is a reuse of it.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCodesHolderAndReusesDoNotDependOnArrivalOrder(Engine engine) {
    Events till1 = new Events(TestServer.STORE, TestServer.TERMINAL);
    Events till2 = new Events(TestServer.STORE, "till-2");
    Events till3 = new Events(TestServer.STORE, "till-3");
    SyncEvent a = Tills.sale(till1, CARD, List.of("SALE-0001"), null, 0);
    SyncEvent b = Tills.sale(till2, CARD, List.of("SALE-0001"), null, 0);
    SyncEvent c = Tills.sale(till3, CARD, List.of("SALE-0001"), null, 0);
    SyncEvent voidA = Tills.voidOf(till1, a);
    Map<SyncEvent, Events> tillOf = Map.of(a, till1, b, till2, c, till3, voidA, till1);
    List<List<SyncEvent>> orders = List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, c, a),
        List.of(a, b, c, voidA), List.of(c, b, a, voidA), List.of(b, a, voidA, c), List.of(c, a, voidA, b));
    for (List<SyncEvent> order : orders) {
      try (TestServer server = prepared(engine)) {
        Map<String, String> tokens = Map.of(TestServer.TERMINAL, server.terminalToken(),
            "till-2", server.createTerminal(TestServer.STORE, "till-2"),
            "till-3", server.createTerminal(TestServer.STORE, "till-3"));
        for (SyncEvent event : order) {
          Events till = tillOf.get(event);
          push(server, tokens.get(till.terminalId()), till, List.of(event));
        }

        JsonNode coupon = coupon(server);
        boolean voided = order.contains(voidA);
        assertThat(coupon.get("coupon").get("usedInSale").asText()).as("holder after %s", names(order, a, b, c))
            .isEqualTo((voided ? b : a).id().toString());
        assertThat(coupon.get("reusedBy")).extracting(JsonNode::asText).as("reuses after %s", names(order, a, b, c))
            .containsExactlyElementsOf((voided ? List.of(c) : List.of(b, c)).stream()
                .map(e -> e.id().toString()).toList());
      }
    }
  }

  private static String names(List<SyncEvent> order, SyncEvent a, SyncEvent b, SyncEvent c) {
    return order.stream().map(e -> e == a ? "a" : e == b ? "b" : e == c ? "c" : "void(a)").toList().toString();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aVoidGivesTheCouponAndThePaymentBackAndAReturnRefundsOntoTheCertificate(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      SyncEvent sale = Tills.sale(till, CARD, List.of("SALE-0001"), "GC-0001", 30_000);
      push(server, server.terminalToken(), till, List.of(sale));
      String cursor = pullCoupons(server, "").cursor();

      push(server, server.terminalToken(), till, List.of(Tills.voidOf(till, sale)));
      PullResponse afterVoid = pullCoupons(server, cursor);
      boolean freed = coupon(server).get("coupon").get("usedInSale") == null
          || coupon(server).get("coupon").get("usedInSale").isNull();
      long restored = balance(server);
      SyncEvent paid = Tills.sale(till, CARD, List.of(), "GC-0001", 20_000);
      push(server, server.terminalToken(), till, List.of(paid, Tills.returnOnto(till, paid, "GC-0001", 5_000)));

      assertThat(freed).isTrue();
      assertThat(restored).isEqualTo(100_000);
      assertThat(afterVoid.changes()).extracting(Change::kind).containsExactlyInAnyOrder("coupon", "certificate");
      assertThat(balance(server)).isEqualTo(85_000);
      assertThat(movements(server)).containsExactlyInAnyOrder("PAY -30000", "VOID 30000", "PAY -20000",
          "REFUND 5000");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSaleVoidedInTheSameBatchLeavesTheCouponAndCertificateAsTheyWere(Engine engine) {
    try (TestServer server = prepared(engine)) {
      Events till = new Events(TestServer.STORE, TestServer.TERMINAL);
      SyncEvent sale = Tills.sale(till, CARD, List.of("SALE-0001"), "GC-0001", 30_000);

      push(server, server.terminalToken(), till, List.of(sale, Tills.voidOf(till, sale)));

      assertThat(coupon(server).get("coupon").path("usedInSale").isMissingNode()
          || coupon(server).get("coupon").get("usedInSale").isNull()).isTrue();
      assertThat(balance(server)).isEqualTo(100_000);
    }
  }
}
