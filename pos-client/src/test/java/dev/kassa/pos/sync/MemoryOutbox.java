package dev.kassa.pos.sync;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.sync.UnknownPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * In-memory outbox and feed store for the agent's unit tests, which are about the agent's
 * protocol decisions; the real SQLite stores are exercised end to end elsewhere.
 */
final class MemoryOutbox implements Outbox, FeedStore {
  final Map<UUID, SyncEvent> waiting = new LinkedHashMap<>();
  final Map<UUID, String> rejected = new LinkedHashMap<>();
  final Map<Stream, String> cursors = new EnumMap<>(Stream.class);
  final List<PullResponse> applied = new ArrayList<>();

  SyncEvent add() {
    var payload = SyncCodec.fromJson("{\"kind\":\"test\",\"n\":" + waiting.size() + "}", UnknownPayload.class);
    var event = new SyncEvent(UUID.randomUUID(), Hlc.of(1000 + waiting.size(), 0), Instant.parse("2026-01-01T10:00:00Z"),
        "S1", "T1", null, payload);
    waiting.put(event.id(), event);
    return event;
  }

  /** As the ledger's outbox does: stops before the event that would pass {@code maxBytes}, but always gives one. */
  @Override public synchronized List<SyncEvent> pending(int maxCount, long maxBytes) {
    List<SyncEvent> batch = new ArrayList<>();
    long bytes = 0;
    for (SyncEvent event : waiting.values()) {
      bytes += size(event);
      if (batch.size() == maxCount || (!batch.isEmpty() && bytes > maxBytes)) {
        break;
      }
      batch.add(event);
    }
    return batch;
  }

  static long size(SyncEvent event) {
    return SyncCodec.canonicalBytes(event).length;
  }

  @Override public synchronized void markSynced(Collection<UUID> ids) {
    ids.forEach(waiting::remove);
  }

  @Override public synchronized void markRejected(UUID id, String reason) {
    waiting.remove(id);
    rejected.put(id, reason);
  }

  @Override public synchronized long pendingCount() {
    return waiting.size();
  }

  @Override public Instant oldestPendingSale() {
    return waiting.isEmpty() ? null : Instant.parse("2026-01-01T10:00:00Z");
  }

  @Override public ChainHead chainHead() {
    return new ChainHead(0, "");
  }

  @Override public synchronized String cursor(Stream stream) {
    return cursors.getOrDefault(stream, "");
  }

  @Override public synchronized void apply(PullResponse page) {
    applied.add(page);
    cursors.put(page.stream(), page.cursor());
  }

  @Override public synchronized void resetCursor(Stream stream) {
    cursors.remove(stream);
  }

  @Override public int openConflicts() {
    return 0;
  }
}
