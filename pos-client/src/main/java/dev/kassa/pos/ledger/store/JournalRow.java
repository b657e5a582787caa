package dev.kassa.pos.ledger.store;

import java.util.UUID;

/** One stored link of the journal: which document holds place {@code seq}, and the hashes as written. */
public record JournalRow(long seq, String docKind, UUID docId, String previousHash, String hash) {
}
