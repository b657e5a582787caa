package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened on a terminal, as pushed to the server. {@code id} is made on the
 * terminal (UUIDv7) and is the server's idempotency key: the same id twice is a duplicate, the same
 * id with a different payload is rejected. {@code hlc} orders events across terminals whose clocks
 * disagree; {@code terminalTime} is the terminal's wall clock, kept for reports and diagnosis.
 * {@code journal} is set on fiscal documents (sales, returns, voids).
 */
public record SyncEvent(
    UUID id, Hlc hlc, Instant terminalTime, String storeId, String terminalId, JournalLink journal,
    EventPayload payload) {

  public SyncEvent {
    requireNonNull(id, "id == null");
    requireNonNull(hlc, "hlc == null");
    requireNonNull(terminalTime, "terminalTime == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(payload, "payload == null");
  }
}
