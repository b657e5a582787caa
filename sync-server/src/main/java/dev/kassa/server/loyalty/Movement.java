package dev.kassa.server.loyalty;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.ledger.EntryType;
import java.util.Comparator;
import java.util.UUID;

/**
 * One ledger entry as the overdraft walk needs it. Ordered by hybrid clock, then by entry id, so
 * every server walks a card's entries in the same order whatever order they arrived in.
 */
public record Movement(UUID entryId, long hlc, EntryType type, long points, String storeId, String terminalId,
    UUID saleId) {

  public static final Comparator<Movement> HLC_ORDER =
      Comparator.comparingLong(Movement::hlc).thenComparing(Movement::entryId);

  public Movement {
    requireNonNull(entryId, "entryId == null");
    requireNonNull(type, "type == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
  }
}
