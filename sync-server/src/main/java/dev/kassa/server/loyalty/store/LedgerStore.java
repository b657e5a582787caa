package dev.kassa.server.loyalty.store;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.server.loyalty.Movement;
import dev.kassa.server.loyalty.WalkTail;
import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.sync.store.SqlRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The points ledger and the per-card sums kept beside it. Entries are only ever inserted; the sum
 * of a card moves by exactly the points of the entries inserted now, in the same transaction, so
 * it always equals the sum of the card's entries.
 */
public final class LedgerStore {

  /** An entry and the id of the event that carried it. */
  public record Row(UUID eventId, LedgerEntry entry) {}

  /** Inserts the entries not stored yet (by entry id) and returns those inserted now. */
  public List<LedgerEntry> insertAbsent(Connection c, List<Row> rows) throws SQLException {
    return insert(c, rows, Sql.IfStored.SKIP);
  }

  /**
   * Inserts the entries and returns those inserted now; an entry stored already (by entry id) is
   * skipped or fails the statement, as {@code ifStored} says.
   */
  public List<LedgerEntry> insert(Connection c, List<Row> rows, Sql.IfStored ifStored) throws SQLException {
    Set<String> inserted = Sql.insert(c, ifStored, "ledger_entries", "id, event_id, card_number, type, points, at, hlc,"
        + " store_id, terminal_id, sale_id, reverses, expires_at, reason",
        "text, text, text, text, int8, int8, int8, text, text, text, text, int8, text", rows, row -> {
          LedgerEntry e = row.entry();
          return Arrays.asList(e.id(), row.eventId(), e.cardNumber(), e.type().name(), e.points(),
              e.at().toEpochMilli(), e.hlc().value(), e.storeId(), e.terminalId(), e.saleId(), e.reverses(),
              e.expiresAt() == null ? null : e.expiresAt().toEpochMilli(), e.reason());
        });
    List<LedgerEntry> now = new ArrayList<>();
    for (Row row : rows) {
      if (inserted.remove(row.entry().id().toString())) {
        now.add(row.entry());
      }
    }
    return now;
  }


  /**
   * What a batch adds to one card: the points, how many of its entries are below zero, and what it
   * offers the card's {@link WalkTail} ({@link WalkTail#offered}; null when the walk must be redone).
   */
  public record Delta(long points, long negatives, Long offeredTail) {}

  /**
   * A card's sums row: its balance, its count of entries below zero, its {@link WalkTail} (null:
   * unknown) and how many times entries were added to it ({@code version}).
   */
  public record Sums(long balance, long negatives, Long walkTail, long version) {
    /** The row as it was before {@code delta} was added to reach this (its walk tail unknown). */
    Sums before(Delta delta) {
      return new Sums(balance - delta.points(), negatives - delta.negatives(), null, version - 1);
    }
  }

  /**
   * Adds each card's delta to its sum (creating the row) and answers the rows as they are now,
   * in card order so that concurrent servers lock card rows in the same order. The tail moves as
   * {@link WalkTail#afterAdding} says, in the same statement, so it is read under the row lock.
   */
  public Map<String, Sums> addToBalances(Connection c, Map<String, Delta> deltas, long now) throws SQLException {
    List<Map.Entry<String, Delta>> sorted = new ArrayList<>(new TreeMap<>(deltas).entrySet());
    Map<String, Sums> sums = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<Map.Entry<String, Delta>> chunk : Sql.chunks(sorted, Sql.ROWS_PER_STATEMENT)) {
      SqlRows rows = new SqlRows(postgres, "text, int8, int8, int8, int8, int8");
      for (Map.Entry<String, Delta> e : chunk) {
        rows.add(e.getKey(), e.getValue().points(), e.getValue().negatives(), now, e.getValue().offeredTail(), 1L);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_balances (card_number, balance, negatives,"
          + " updated_at, walk_tail, version) " + rows.sql()
          + " ON CONFLICT (card_number) DO UPDATE SET balance = card_balances.balance + excluded.balance,"
          + " negatives = card_balances.negatives + excluded.negatives, updated_at = excluded.updated_at,"
          + " walk_tail = CASE WHEN excluded.walk_tail > card_balances.walk_tail THEN card_balances.walk_tail END,"
          + " version = card_balances.version + 1 RETURNING card_number, balance, negatives, walk_tail, version")) {
        rows.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sums.put(rs.getString(1), sums(rs));
          }
        }
      }
    }
    return sums;
  }

  /** Stores the exact {@link WalkTail} of cards whose walk was just redone (rows this transaction holds). */
  public void setWalkTails(Connection c, Map<String, Long> tails) throws SQLException {
    if (tails.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE card_balances SET walk_tail = ? WHERE card_number = ?")) {
      for (Map.Entry<String, Long> e : new TreeMap<>(tails).entrySet()) {
        if (e.getValue() == null) {
          ps.setNull(1, Types.BIGINT);
        } else {
          ps.setLong(1, e.getValue());
        }
        ps.setString(2, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Sums sums(ResultSet rs) throws SQLException {
    long balance = rs.getLong(2);
    long negatives = rs.getLong(3);
    long tail = rs.getLong(4);
    Long walkTail = rs.wasNull() ? null : tail;
    return new Sums(balance, negatives, walkTail, rs.getLong(5));
  }

  /**
   * Locks the card's row for the rest of the transaction (creating it at zero) and returns its
   * sum. On PostgreSQL a row lock; on SQLite the transaction already holds the one write lock.
   */
  public long lockCard(Connection c, String cardNumber, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_balances (card_number, balance, negatives,"
        + " updated_at) VALUES (?, 0, 0, ?) ON CONFLICT (card_number) DO NOTHING")) {
      ps.setString(1, cardNumber);
      ps.setLong(2, now);
      ps.executeUpdate();
    }
    String lock = Sql.isPostgres(c) ? " FOR UPDATE" : "";
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT balance FROM card_balances WHERE card_number = ?" + lock)) {
      ps.setString(1, cardNumber);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The summed balance of {@code cards} (a member's cards). */
  public long balance(Connection c, Collection<String> cards) throws SQLException {
    List<String> list = new ArrayList<>(cards);
    boolean postgres = Sql.isPostgres(c);
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(balance), 0) FROM card_balances"
        + " WHERE " + Sql.any(postgres, "card_number", list.size()))) {
      Sql.bindAny(ps, 1, postgres, list);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The sums row of each of {@code cards} that has one. */
  public Map<String, Sums> sums(Connection c, Collection<String> cards) throws SQLException {
    Map<String, Sums> sums = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, balance, negatives, walk_tail,"
          + " version FROM card_balances WHERE " + Sql.any(postgres, "card_number", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sums.put(rs.getString(1), sums(rs));
          }
        }
      }
    }
    return sums;
  }

  /** Every entry of {@code card}, whole, in hybrid-clock order. */
  public List<LedgerEntry> entries(Connection c, String card) throws SQLException {
    List<LedgerEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS
        + " FROM ledger_entries WHERE card_number = ? ORDER BY hlc, id")) {
      ps.setString(1, card);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
    }
    return entries;
  }

  /** The stored entries among {@code ids}, whole, by id. */
  public Map<UUID, LedgerEntry> byIds(Connection c, List<UUID> ids) throws SQLException {
    Map<UUID, LedgerEntry> entries = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<UUID> chunk : Sql.chunks(ids, 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM ledger_entries WHERE "
          + Sql.any(postgres, "id", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            LedgerEntry entry = entry(rs);
            entries.put(entry.id(), entry);
          }
        }
      }
    }
    return entries;
  }

  private static final String ENTRY_COLUMNS =
      "id, card_number, type, points, at, hlc, store_id, terminal_id, sale_id, reverses, expires_at, reason";

  /** The entry at the result's current row, selected as {@link #ENTRY_COLUMNS}. */
  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    long expires = rs.getLong(11);
    Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
    return new LedgerEntry(UUID.fromString(rs.getString(1)), rs.getString(2), EntryType.valueOf(rs.getString(3)),
        rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5)), new Hlc(rs.getLong(6)), rs.getString(7), rs.getString(8),
        uuid(rs.getString(9)), uuid(rs.getString(10)), expiresAt, rs.getString(12));
  }

  /** Cards holding entries whose points expire at or before {@code now}. */
  public List<String> cardsWithExpiring(Connection c, Instant now) throws SQLException {
    List<String> cards = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT card_number FROM ledger_entries"
        + " WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY card_number")) {
      ps.setLong(1, now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cards.add(rs.getString(1));
        }
      }
    }
    return cards;
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  /** Every entry of {@code cards}, in hybrid-clock order. */
  public List<Movement> movements(Connection c, Collection<String> cards) throws SQLException {
    List<Movement> movements = new ArrayList<>();
    movementsByCard(c, cards).values().forEach(movements::addAll);
    movements.sort(Movement.HLC_ORDER);
    return movements;
  }

  /** Every entry of each of {@code cards}, by card, in one query per 500 cards. */
  public Map<String, List<Movement>> movementsByCard(Connection c, Collection<String> cards) throws SQLException {
    Map<String, List<Movement>> byCard = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, hlc, type, points, store_id, terminal_id, sale_id,"
          + " card_number FROM ledger_entries WHERE " + Sql.any(postgres, "card_number", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String sale = rs.getString(7);
            byCard.computeIfAbsent(rs.getString(8), k -> new ArrayList<>()).add(new Movement(
                UUID.fromString(rs.getString(1)), rs.getLong(2), EntryType.valueOf(rs.getString(3)), rs.getLong(4),
                rs.getString(5), rs.getString(6), sale == null ? null : UUID.fromString(sale)));
          }
        }
      }
    }
    return byCard;
  }

  /** Every card's summed balance by card number (for the admin convergence checks). */
  public Map<String, Long> allBalances(Connection c) throws SQLException {
    Map<String, Long> balances = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, balance FROM card_balances ORDER BY card_number");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        balances.put(rs.getString(1), rs.getLong(2));
      }
    }
    return balances;
  }
}
