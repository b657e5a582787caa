package dev.kassa.model.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * One append-only entry of a card's points ledger. Balances and expiry lots are derived from the
 * entries, never stored as truth; a correction is a new entry, never an edit.
 *
 * <p>{@code id} is made where the entry is made (the terminal, or the server for office
 * adjustments and expiry) and is the idempotency key. {@code points} is signed: positive adds to
 * the balance. {@code saleId} links entries to the sale, return or void that caused them;
 * {@code reverses} names the entry a REVERSE undoes; {@code expiresAt} is set on EARN and BONUS when the program
 * lets points expire.
 */
public record LedgerEntry(
    UUID id,
    String cardNumber,
    EntryType type,
    long points,
    Instant at,
    Hlc hlc,
    String storeId,
    String terminalId,
    UUID saleId,
    UUID reverses,
    Instant expiresAt,
    String reason) implements EventPayload {

  public LedgerEntry {
    requireNonNull(id, "id == null");
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(type, "type == null");
    requireNonNull(at, "at == null");
    requireNonNull(hlc, "hlc == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    if (points == 0) {
      throw new IllegalArgumentException(type + " entry of zero points");
    }
    switch (type) {
      case EARN, BONUS -> {
        if (points < 0) {
          throw new IllegalArgumentException(type + " points < 0: " + points);
        }
      }
      case REDEEM, EXPIRE -> {
        if (points > 0) {
          throw new IllegalArgumentException(type + " points > 0: " + points);
        }
      }
      case REVERSE -> requireNonNull(reverses, "REVERSE reverses == null");
      case ADJUST -> requireNonNull(reason, "ADJUST reason == null");
    }
  }
}
