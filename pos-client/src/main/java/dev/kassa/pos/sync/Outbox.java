package dev.kassa.pos.sync;

import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.SyncEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What the sync agent needs of the terminal's outbox: events committed with their sales, waiting
 * to be pushed. Implemented by the terminal ledger's store.
 */
public interface Outbox {

  /** The oldest waiting events, in commit order, at most {@code maxCount} and about {@code maxBytes}. */
  List<SyncEvent> pending(int maxCount, long maxBytes);

  /** The server has them (accepted now or before): never push them again. */
  void markSynced(Collection<UUID> ids);

  /** The server refused them for good; kept for the manager to see, not retried. */
  void markRejected(UUID id, String reason);

  long pendingCount();

  /** When the oldest unsynced sale was made, or null when none waits. */
  Instant oldestPendingSale();

  /** The last link of the terminal's journal, sent with each push. */
  ChainHead chainHead();
}
