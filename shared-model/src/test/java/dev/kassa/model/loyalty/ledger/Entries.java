package dev.kassa.model.loyalty.ledger;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Ledger entries for tests: made at a day (from 2026-01-01) with a readable id. */
final class Entries {
  static final String CARD = "2000000000022";
  static final Instant DAY0 = Instant.parse("2026-01-01T10:00:00Z");

  private Entries() {}

  static Instant day(int day) {
    return DAY0.plus(day, ChronoUnit.DAYS);
  }

  static UUID id(int n) {
    return new UUID(0x0190_0000_0000_7000L, n);
  }

  /** EARN or BONUS of {@code points} on {@code day}, expiring {@code expiryDays} later (0: never). */
  static LedgerEntry credit(int n, EntryType type, long points, int day, int expiryDays) {
    Instant at = day(day);
    return new LedgerEntry(id(n), CARD, type, points, at, Hlc.of(at.toEpochMilli(), 0), "store-1", "till-1", null,
        null, expiryDays == 0 ? null : at.plus(expiryDays, ChronoUnit.DAYS), null);
  }

  static LedgerEntry debit(int n, EntryType type, long points, int day) {
    Instant at = day(day);
    return new LedgerEntry(id(n), CARD, type, -points, at, Hlc.of(at.toEpochMilli(), 0), "store-1", "till-1", null,
        null, null, type == EntryType.ADJUST ? "correction" : null);
  }

  static LedgerEntry reverse(int n, long signedPoints, int day, UUID reverses) {
    Instant at = day(day);
    return new LedgerEntry(id(n), CARD, EntryType.REVERSE, signedPoints, at, Hlc.of(at.toEpochMilli(), 0), "store-1",
        "till-1", null, reverses, null, null);
  }

  static LedgerEntry withId(LedgerEntry e, UUID id) {
    return new LedgerEntry(id, e.cardNumber(), e.type(), e.points(), e.at(), e.hlc(), e.storeId(), e.terminalId(),
        e.saleId(), e.reverses(), e.expiresAt(), e.reason());
  }
}
