package dev.kassa.model.loyalty.certificate;

import dev.kassa.model.sale.Payment;

/** A certificate paying part of a sale: the {@code payment} to record and the certificate {@code after} it. */
public record CertificateCharge(Payment payment, GiftCertificate after) {
}
