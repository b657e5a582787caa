package dev.kassa.server.coupon;

import static dev.kassa.server.coupon.CouponIssuanceTest.publishDemoProgram;
import static dev.kassa.server.coupon.CouponIssuanceTest.pullCoupons;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.loyalty.certificate.GiftCertificate;
import dev.kassa.model.money.Money;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.testing.Changes;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The office selling and blocking gift certificates, and the coupons feed carrying them, on both engines. */
class CertificateAdminTest {
  static final String CERTIFICATES = "/api/v1/admin/certificates";

  static Map<String, Object> certificate(String code, long minor) {
    return Map.of("code", code, "value", Map.of("minor", minor, "currency", "RUB"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSoldCertificateCarriesTheProgramsTermsToTheTills(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      publishDemoProgram(server);
      TestHttp.Response sold = server.http().post(CERTIFICATES, server.adminToken(), certificate("gc-0001", 100_000));
      TestHttp.Response again = server.http().post(CERTIFICATES, server.adminToken(), certificate("GC-0001", 100_000));
      PullResponse snapshot = pullCoupons(server, "");

      assertThat(sold.status()).as(sold.body()).isEqualTo(201);
      assertThat(again.status()).isEqualTo(200);
      assertThat(snapshot.changes()).singleElement().satisfies(change -> {
        assertThat(change.kind()).isEqualTo("certificate");
        assertThat(change.key()).isEqualTo("GC-0001");
        GiftCertificate entity = SyncCodec.fromTree(change.data(), GiftCertificate.class);
        assertThat(entity.balance()).isEqualTo(Money.ofMinor(100_000, "RUB"));
        // the demo program's certificates are good for 365 days
        assertThat(Duration.between(entity.soldAt(), entity.expiresAt())).isEqualTo(Duration.ofDays(365));
        assertThat(entity.blocked()).isFalse();
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesAValueThatIsNoDenominationAndAnotherValueUnderASoldCode(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      publishDemoProgram(server);
      TestHttp.Response odd = server.http().post(CERTIFICATES, server.adminToken(), certificate("GC-0002", 70_000));
      TestHttp.Response euros = server.http().post(CERTIFICATES, server.adminToken(),
          Map.of("code", "GC-0003", "value", Map.of("minor", 100_000, "currency", "EUR")));
      TestHttp.Response badCode = server.http().post(CERTIFICATES, server.adminToken(), certificate("G", 100_000));
      server.http().post(CERTIFICATES, server.adminToken(), certificate("GC-0004", 50_000));
      TestHttp.Response otherValue = server.http().post(CERTIFICATES, server.adminToken(),
          certificate("GC-0004", 100_000));

      assertThat(List.of(odd, euros, badCode)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(400));
      assertThat(odd.json().get("field").asText()).isEqualTo("value");
      assertThat(euros.json().get("field").asText()).isEqualTo("value");
      assertThat(badCode.body()).contains("code must be");
      assertThat(otherValue.status()).isEqualTo(409);
      assertThat(otherValue.json().get("field").asText()).isEqualTo("code");
      assertThat(Changes.count(server, "certificate")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBlockedCertificateReplacesItsEntityOnceHoweverOftenItIsBlocked(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      publishDemoProgram(server);
      server.http().post(CERTIFICATES, server.adminToken(), certificate("GC-0005", 300_000));
      String cursor = pullCoupons(server, "").cursor();
      long published = Changes.appended(server);

      TestHttp.Response blocked = server.http().post(CERTIFICATES + "/gc-0005/block", server.adminToken(), null);
      TestHttp.Response again = server.http().post(CERTIFICATES + "/GC-0005/block", server.adminToken(), null);
      TestHttp.Response unknown = server.http().post(CERTIFICATES + "/GC-9999/block", server.adminToken(), null);
      PullResponse next = pullCoupons(server, cursor);

      assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
      assertThat(blocked.json().get("blocked").asBoolean()).isTrue();
      assertThat(again.status()).isEqualTo(200);
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(next.changes()).singleElement().extracting(Change::data)
          .satisfies(data -> assertThat(data.get("blocked").asBoolean()).isTrue());
      assertThat(Changes.count(server, "certificate")).isEqualTo(1);
      assertThat(Changes.appended(server)).as("one change for two blocks").isEqualTo(published + 1);
      assertThat(server.http().get(CERTIFICATES + "/GC-0005", server.adminToken()).json().get("blocked").asBoolean())
          .isTrue();
    }
  }
}
