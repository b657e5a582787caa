package dev.kassa.model.loyalty.certificate;

import static dev.kassa.model.loyalty.certificate.CertificateRejectedException.Reason.BLOCKED;
import static dev.kassa.model.loyalty.certificate.CertificateRejectedException.Reason.DENOMINATION;
import static dev.kassa.model.loyalty.certificate.CertificateRejectedException.Reason.EMPTY;
import static dev.kassa.model.loyalty.certificate.CertificateRejectedException.Reason.EXPIRED;
import static dev.kassa.model.loyalty.certificate.CertificateRejectedException.Reason.NOT_SOLD_HERE;
import static java.util.Objects.requireNonNull;

import dev.kassa.model.loyalty.program.GiftCertificatePolicy;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Gift certificate rules as pure functions over a certificate's state, under the program's
 * {@link GiftCertificatePolicy}: selling, paying (all of the balance or part, as the policy allows)
 * and taking a refund back onto the certificate.
 */
public final class GiftCertificates {
  private GiftCertificates() {}

  /** A certificate sold now for {@code value}, one of the policy's denominations. */
  public static GiftCertificate sell(LoyaltyProgram program, String code, Money value, Instant now) {
    GiftCertificatePolicy policy = policy(program);
    boolean listed = false;
    for (BigDecimal denomination : policy.denominations()) {
      listed |= denomination.movePointRight(value.currency().getDefaultFractionDigits()).longValueExact() == value.minor();
    }
    if (!listed || !value.currency().getCurrencyCode().equals(program.currency())) {
      throw new CertificateRejectedException(DENOMINATION, "no certificate of " + value + "; denominations: "
          + policy.denominations() + " " + program.currency());
    }
    Instant expires = policy.validityDays() == null ? null : now.plus(Duration.ofDays(policy.validityDays()));
    return new GiftCertificate(code, value, value, now, expires, false);
  }

  /** Why the certificate cannot pay now; null when it can. */
  public static CertificateRejectedException.Reason refusal(GiftCertificate certificate, Instant now) {
    if (certificate.blocked()) {
      return BLOCKED;
    }
    if (certificate.expiresAt() != null && !now.isBefore(certificate.expiresAt())) {
      return EXPIRED;
    }
    return certificate.balance().isZero() ? EMPTY : null;
  }

  /**
   * Pays up to {@code due} from the certificate. When the policy forbids partial use, the first
   * payment uses the certificate up and what the sale did not need is forfeited.
   */
  public static CertificateCharge pay(LoyaltyProgram program, GiftCertificate certificate, Money due, Instant now) {
    requireNonNull(due, "due == null");
    if (!due.isPositive()) {
      throw new IllegalArgumentException("due <= 0: " + due);
    }
    CertificateRejectedException.Reason refusal = refusal(certificate, now);
    if (refusal != null) {
      throw new CertificateRejectedException(refusal, "certificate " + certificate.code() + ": " + refusal);
    }
    Money charged = certificate.balance().min(due);
    Money left = policy(program).allowsPartialUse()
        ? certificate.balance().minus(charged) : Money.zero(due.currency());
    return new CertificateCharge(Payment.of(PaymentMethod.GIFT_CERTIFICATE, charged, certificate.code()),
        certificate.withBalance(left));
  }

  /** A return paid by the certificate goes back onto it, never above its initial value. */
  public static GiftCertificate refund(GiftCertificate certificate, Money amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount < 0: " + amount);
    }
    return certificate.withBalance(certificate.balance().plus(amount).min(certificate.initial()));
  }

  private static GiftCertificatePolicy policy(LoyaltyProgram program) {
    if (program.giftCertificates() == null) {
      throw new CertificateRejectedException(NOT_SOLD_HERE, "the program has no gift certificates");
    }
    return program.giftCertificates();
  }
}
