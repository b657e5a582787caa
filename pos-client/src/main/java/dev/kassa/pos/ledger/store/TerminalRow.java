package dev.kassa.pos.ledger.store;

/** The terminal's identity and counters as last committed. */
public record TerminalRow(
    String storeId, String terminalId, String currency, long lastReceiptNo, long lastZNo, long lastHlc) {
}
