package dev.kassa.pos.ledger;

/**
 * A sale, return or void that the ledger will not record as asked: an unknown or already voided
 * sale, a void after the shift closed, more returned than was sold, another currency.
 */
public final class DocumentRefusedException extends LedgerException {
  public DocumentRefusedException(String cashierMessage) {
    super(cashierMessage, null, null);
  }
}
