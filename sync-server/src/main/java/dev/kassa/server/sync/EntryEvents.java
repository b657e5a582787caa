package dev.kassa.server.sync;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sync.SyncEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A loyalty-entry event whose envelope is its entry's own (the entry's id, hybrid time, time, store
 * and terminal, and no journal link) says nothing its ledger row does not. The server keeps such an
 * event once, as that row, and not also in {@code sync_events}: the row's id, the entry's, is the
 * event's idempotency key, and a repeat is compared with the row. The terminal's agent sends its
 * entries this way; any other entry event is kept as every event is, and may not take the id of a
 * stored entry. An id that an event of another kind holds in {@code sync_events} is not looked for in
 * the ledger, nor the other way round: ids are the tills' random UUIDs, and such a reuse would keep
 * both events, losing neither.
 */
public final class EntryEvents {
  private EntryEvents() {}

  /** Whether {@code event} is an entry event whose envelope is its entry's own. */
  public static boolean keptAsEntry(SyncEvent event) {
    return event.payload() instanceof LedgerEntry entry && event.journal() == null && event.id().equals(entry.id())
        && event.hlc().equals(entry.hlc()) && event.terminalTime().equals(entry.at())
        && event.storeId().equals(entry.storeId()) && event.terminalId().equals(entry.terminalId());
  }

  /**
   * Whether {@code sent} is the entry {@code stored} holds: equal in every field, times to the
   * millisecond, the precision the ledger keeps.
   */
  public static boolean sameEntry(LedgerEntry sent, LedgerEntry stored) {
    return stored != null && stored.equals(new LedgerEntry(sent.id(), sent.cardNumber(), sent.type(), sent.points(),
        millis(sent.at()), sent.hlc(), sent.storeId(), sent.terminalId(), sent.saleId(), sent.reverses(),
        sent.expiresAt() == null ? null : millis(sent.expiresAt()), sent.reason()));
  }

  private static Instant millis(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }
}
