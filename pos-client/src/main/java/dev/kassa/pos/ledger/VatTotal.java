package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.VatRate;
import dev.kassa.model.money.Money;

/**
 * One VAT rate's line of an X or Z report: what was taken at that rate (sales less returns, VAT
 * included) and the VAT contained in it, rounded half-up as on fiscal receipts. The rate is the
 * one copied onto the lines at the time of sale, so 20% and 22% lines of the same code stay apart.
 */
public record VatTotal(String vatCode, int basisPoints, Money gross, Money vat) {
  public VatTotal {
    requireNonNull(vatCode, "vatCode == null");
    requireNonNull(gross, "gross == null");
    requireNonNull(vat, "vat == null");
  }

  static VatTotal of(String vatCode, int basisPoints, Money gross) {
    return new VatTotal(vatCode, basisPoints, gross, VatRate.includedIn(gross, basisPoints));
  }
}
