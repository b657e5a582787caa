package dev.kassa.pos.ledger.store;

import dev.kassa.model.sync.EventPayload;
import java.util.UUID;

/**
 * A fiscal document (sale, return, void) as rebuilt from its rows, or, when the rows no longer
 * make a valid document, the reason ({@code payload} is then null). {@code receiptNo} is 0 for a
 * void, which takes no receipt number.
 */
public record StoredDocument(String kind, UUID id, long receiptNo, EventPayload payload, String problem) {

  static StoredDocument of(String kind, UUID id, long receiptNo, EventPayload payload) {
    return new StoredDocument(kind, id, receiptNo, payload, null);
  }

  static StoredDocument unreadable(String kind, UUID id, long receiptNo, String problem) {
    return new StoredDocument(kind, id, receiptNo, null, problem == null ? "unreadable" : problem);
  }
}
