package dev.kassa.model.loyalty.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.certificate.CertificateRejectedException.Reason;
import dev.kassa.model.loyalty.program.GiftCertificatePolicy;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftCertificatesTest {
  private static final LoyaltyProgram PROGRAM = DemoProgram.load();
  private static final Instant NOW = Instant.parse("2026-06-10T11:00:00Z");

  private static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, "RUB");
  }

  @Test
  void sellsOnlyTheProgramsDenominationsForItsValidity() {
    GiftCertificate sold = GiftCertificates.sell(PROGRAM, "GC-1", rub(100_000), NOW);

    assertThat(sold.balance()).isEqualTo(rub(100_000));
    assertThat(sold.expiresAt()).isEqualTo(NOW.plus(365, ChronoUnit.DAYS));
    assertThatThrownBy(() -> GiftCertificates.sell(PROGRAM, "GC-2", rub(70_000), NOW))
        .isInstanceOfSatisfying(CertificateRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DENOMINATION));
  }

  @Test
  void paysPartOfASaleAndKeepsTheRest() {
    GiftCertificate sold = GiftCertificates.sell(PROGRAM, "GC-1", rub(100_000), NOW);

    CertificateCharge first = GiftCertificates.pay(PROGRAM, sold, rub(30_000), NOW);
    CertificateCharge second = GiftCertificates.pay(PROGRAM, first.after(), rub(90_000), NOW);

    assertThat(first.payment().method()).isEqualTo(PaymentMethod.GIFT_CERTIFICATE);
    assertThat(first.payment().reference()).isEqualTo("GC-1");
    assertThat(first.after().balance()).isEqualTo(rub(70_000));
    assertThat(second.payment().amount()).isEqualTo(rub(70_000));
    assertThat(second.after().balance()).isEqualTo(rub(0));
    assertThatThrownBy(() -> GiftCertificates.pay(PROGRAM, second.after(), rub(1), NOW))
        .isInstanceOfSatisfying(CertificateRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Test
  void withoutPartialUseTheRestIsForfeited() {
    LoyaltyProgram oneShot = withPolicy(new GiftCertificatePolicy(List.of(BigDecimal.valueOf(1000)), 30, false));
    GiftCertificate sold = GiftCertificates.sell(oneShot, "GC-1", rub(100_000), NOW);

    CertificateCharge charge = GiftCertificates.pay(oneShot, sold, rub(30_000), NOW);

    assertThat(charge.payment().amount()).isEqualTo(rub(30_000));
    assertThat(charge.after().balance()).isEqualTo(rub(0));
  }

  @Test
  void refusesAnExpiredOrBlockedCertificate() {
    GiftCertificate sold = GiftCertificates.sell(PROGRAM, "GC-1", rub(50_000), NOW);
    GiftCertificate blocked = new GiftCertificate("GC-1", sold.initial(), sold.balance(), NOW, sold.expiresAt(), true);

    assertThat(GiftCertificates.refusal(sold, sold.expiresAt())).isEqualTo(Reason.EXPIRED);
    assertThat(GiftCertificates.refusal(blocked, NOW)).isEqualTo(Reason.BLOCKED);
    assertThat(GiftCertificates.refusal(sold, NOW)).isNull();
  }

  @Test
  void aRefundGoesBackOntoTheCertificateUpToItsValue() {
    GiftCertificate sold = GiftCertificates.sell(PROGRAM, "GC-1", rub(50_000), NOW);
    GiftCertificate spent = GiftCertificates.pay(PROGRAM, sold, rub(20_000), NOW).after();

    assertThat(GiftCertificates.refund(spent, rub(5_000)).balance()).isEqualTo(rub(35_000));
    assertThat(GiftCertificates.refund(spent, rub(90_000)).balance()).isEqualTo(rub(50_000));
  }

  private static LoyaltyProgram withPolicy(GiftCertificatePolicy policy) {
    LoyaltyProgram p = PROGRAM;
    return new LoyaltyProgram(p.schema(), p.version(), p.name(), p.currency(), p.timeZone(), p.rounding(), p.accrual(),
        p.discountExclusions(), p.tiers(), p.campaigns(), p.redemption(), p.expiry(), p.bonuses(), p.coupons(), policy);
  }
}
