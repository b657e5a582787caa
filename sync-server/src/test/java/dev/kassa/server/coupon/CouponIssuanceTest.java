package dev.kassa.server.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.testing.Changes;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The office issuing single-use codes, and the coupons feed carrying them to the tills, on both engines. */
class CouponIssuanceTest {
  static final String BATCHES = "/api/v1/admin/coupons/batches";
  static final String SINGLE_USE = "coupon-500";
  static final String PROMO = "promo-spring";
  static final String CARD = ((CodeResult.Ok<String>) LoyaltyCardFormat.standard().generate(7)).value();

  static void publishDemoProgram(TestServer server) {
    TestHttp.Response published = server.http().post("/api/v1/admin/programs", server.adminToken(), DemoProgram.json());
    assertThat(published.status()).as(published.body()).isEqualTo(201);
  }

  static PullResponse pullCoupons(TestServer server, String cursor) {
    TestHttp.Response page = server.http().get("/api/v1/sync/pull/coupons?limit=100&cursor=" + cursor,
        server.terminalToken());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.as(PullResponse.class);
  }

  /** The number with its check digit changed: what a typing slip gives. */
  static String mistyped(String number) {
    char last = number.charAt(number.length() - 1);
    return number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void issuedCodesReachATerminalsSnapshotAndItsNextPull(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      publishDemoProgram(server);
      TestHttp.Response made = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "count", 3));
      PullResponse snapshot = pullCoupons(server, "");
      TestHttp.Response given = server.http().post(BATCHES, server.adminToken(), Map.of("definitionId", SINGLE_USE,
          "codes", List.of("bday-0001"), "cardNumber", CARD, "expiresAt", "2099-01-01T00:00:00Z"));
      PullResponse next = pullCoupons(server, snapshot.cursor());

      assertThat(made.status()).as(made.body()).isEqualTo(201);
      List<String> codes = SyncCodec.mapper().convertValue(made.json().get("codes"),
          SyncCodec.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
      assertThat(codes).hasSize(3).allSatisfy(code -> assertThat(code).matches("[A-Z2-9]{12}"));
      assertThat(snapshot.snapshot()).isTrue();
      assertThat(snapshot.changes()).extracting(Change::kind).containsOnly("coupon");
      assertThat(snapshot.changes()).extracting(Change::key).containsExactlyInAnyOrderElementsOf(codes);
      assertThat(given.status()).as(given.body()).isEqualTo(201);
      assertThat(next.snapshot()).isFalse();
      IssuedCoupon bday = SyncCodec.fromTree(next.changes().get(0).data(), IssuedCoupon.class);
      assertThat(next.changes()).singleElement().extracting(Change::key).isEqualTo("BDAY-0001");
      assertThat(bday.definitionId()).isEqualTo(SINGLE_USE);
      assertThat(bday.cardNumber()).isEqualTo(CARD);
      assertThat(bday.expiresAt()).hasToString("2099-01-01T00:00:00Z");
      assertThat(bday.used()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesWhatIsNoSingleUseCouponOfTheProgramNamingTheField(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      TestHttp.Response noProgram = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "count", 1));
      publishDemoProgram(server);
      TestHttp.Response unknown = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", "no-such-coupon", "count", 1));
      TestHttp.Response promo = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", PROMO, "count", 1));
      TestHttp.Response badCard = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "count", 1, "cardNumber", mistyped(CARD)));
      TestHttp.Response past = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "count", 1, "expiresAt", "2001-01-01T00:00:00Z"));
      TestHttp.Response zero = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "count", 0));
      TestHttp.Response badCode = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "codes", List.of("a b")));

      assertThat(List.of(noProgram, unknown, promo, badCard, past, zero, badCode))
          .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(400));
      assertThat(noProgram.json().get("field").asText()).isEqualTo("definitionId");
      assertThat(unknown.json().get("field").asText()).isEqualTo("definitionId");
      assertThat(promo.json().get("field").asText()).isEqualTo("definitionId");
      assertThat(promo.json().get("detail").asText()).contains("PROMO");
      assertThat(badCard.json().get("field").asText()).isEqualTo("cardNumber");
      assertThat(past.json().get("field").asText()).isEqualTo("expiresAt");
      assertThat(zero.body()).contains("count must be");
      assertThat(badCode.body()).contains("codes");
      assertThat(Changes.count(server, "coupon")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRepeatedBatchIdAnswersTheFirstBatchAndATakenCodeIsAConflict(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      publishDemoProgram(server);
      Map<String, Object> request = Map.of("batchId", UUID.randomUUID().toString(), "definitionId", SINGLE_USE,
          "count", 2);
      TestHttp.Response first = server.http().post(BATCHES, server.adminToken(), request);
      long published = Changes.appended(server);
      TestHttp.Response again = server.http().post(BATCHES, server.adminToken(), request);
      TestHttp.Response otherCount = server.http().post(BATCHES, server.adminToken(),
          Map.of("batchId", request.get("batchId"), "definitionId", SINGLE_USE, "count", 3));
      String taken = first.json().get("codes").get(0).asText();
      TestHttp.Response sameCode = server.http().post(BATCHES, server.adminToken(),
          Map.of("definitionId", SINGLE_USE, "codes", List.of("FRESH-CODE", taken.toLowerCase())));

      assertThat(first.status()).isEqualTo(201);
      assertThat(again.status()).isEqualTo(200);
      JsonNode firstCodes = first.json().get("codes");
      assertThat(again.json().get("codes")).containsExactlyInAnyOrderElementsOf(firstCodes);
      assertThat(otherCount.status()).isEqualTo(409);
      assertThat(otherCount.json().get("field").asText()).isEqualTo("batchId");
      assertThat(sameCode.status()).isEqualTo(409);
      assertThat(sameCode.json().get("field").asText()).isEqualTo("codes");
      assertThat(Changes.count(server, "coupon")).isEqualTo(2);
      assertThat(Changes.appended(server)).as("nothing published after the first batch").isEqualTo(published);
    }
  }
}
