package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

/**
 * A fiscal document's place in its terminal's tamper-evident journal: {@code hash} is SHA-256 (hex)
 * over the previous hash and the document's canonical bytes, so the server can check that a
 * terminal's documents arrive as one unbroken chain ({@code seq} 1, 2, 3...).
 */
public record JournalLink(long seq, String previousHash, String hash) {
  public JournalLink {
    if (seq <= 0) {
      throw new IllegalArgumentException("seq <= 0: " + seq);
    }
    requireNonNull(previousHash, "previousHash == null");
    requireNonNull(hash, "hash == null");
  }
}
