package dev.kassa.pos.ledger.store;

/** Money taken at one VAT rate in a shift (sales less returns, VAT included), in minor units. */
public record VatGross(String vatCode, int basisPoints, long grossMinor) {
}
