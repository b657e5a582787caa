package dev.kassa.pos.sync;

import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;

/**
 * The terminal's local copies of central data, fed by the change streams. Implemented by the
 * terminal ledger's store.
 */
public interface FeedStore {

  /** Where to continue {@code stream}; empty for a terminal that has never pulled it (snapshot). */
  String cursor(Stream stream);

  /** Applies a page and stores its cursor in one local transaction. */
  void apply(PullResponse page);

  /** Forgets the cursor so that the next pull takes a snapshot (the server expired ours). */
  void resetCursor(Stream stream);

  /** Conflicts the server reported for this store that nobody has resolved yet. */
  int openConflicts();

  /**
   * How many changes to ask for in the next page, given the agent's setting: a store whose page
   * writes hold up other work may ask for fewer.
   */
  default int pageSize(int configured) {
    return configured;
  }
}
