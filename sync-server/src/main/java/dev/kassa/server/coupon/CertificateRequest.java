package dev.kassa.server.coupon;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;

/**
 * {@code POST /api/v1/admin/certificates}: registers a sold certificate, its printed {@code code} and
 * its {@code value} (one of the program's denominations, in minor units). Repeating the same request
 * answers the same certificate.
 */
public record CertificateRequest(String code, Money value) {
  public CertificateRequest {
    code = CouponCodes.normal(requireNonNull(code, "code == null"));
    if (!CouponCodes.valid(code)) {
      throw new IllegalArgumentException("code must be 4-32 letters, digits or '-'");
    }
    requireNonNull(value, "value == null");
    if (!value.isPositive()) {
      throw new IllegalArgumentException("value must be positive");
    }
  }
}
