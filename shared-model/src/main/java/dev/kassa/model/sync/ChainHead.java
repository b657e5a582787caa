package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

/** The last link of a terminal's journal at the time of a push; seq 0 with an empty chain. */
public record ChainHead(long seq, String hash) {
  public ChainHead {
    if (seq < 0) {
      throw new IllegalArgumentException("seq < 0: " + seq);
    }
    requireNonNull(hash, "hash == null");
  }
}
