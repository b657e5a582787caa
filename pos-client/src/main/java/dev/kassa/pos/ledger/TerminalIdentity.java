package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import java.util.Currency;

/** Which terminal of which store a ledger belongs to, and the store's currency (from enrolment). */
public record TerminalIdentity(String storeId, String terminalId, Currency currency) {
  public TerminalIdentity {
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(currency, "currency == null");
  }
}
