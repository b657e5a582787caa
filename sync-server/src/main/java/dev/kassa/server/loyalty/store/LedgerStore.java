package dev.kassa.server.loyalty.store;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.server.loyalty.Movement;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    Set<String> inserted = new HashSet<>();
    for (List<Row> chunk : Sql.chunks(rows, Sql.ROWS_PER_STATEMENT)) {
      List<Object> values = new ArrayList<>(chunk.size() * 13);
      for (Row row : chunk) {
        LedgerEntry e = row.entry();
        values.add(e.id());
        values.add(row.eventId());
        values.add(e.cardNumber());
        values.add(e.type().name());
        values.add(e.points());
        values.add(e.at().toEpochMilli());
        values.add(e.hlc().value());
        values.add(e.storeId());
        values.add(e.terminalId());
        values.add(e.saleId());
        values.add(e.reverses());
        values.add(e.expiresAt() == null ? null : e.expiresAt().toEpochMilli());
        values.add(e.reason());
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entries (id, event_id, card_number, type, points,"
          + " at, hlc, store_id, terminal_id, sale_id, reverses, expires_at, reason) VALUES "
          + Sql.valueRows(chunk.size(), 13) + " ON CONFLICT (id) DO NOTHING RETURNING id")) {
        Sql.bind(ps, values);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getString(1));
          }
        }
      }
    }
    List<LedgerEntry> now = new ArrayList<>();
    for (Row row : rows) {
      if (inserted.remove(row.entry().id().toString())) {
        now.add(row.entry());
      }
    }
    return now;
  }

  /**
   * Adds each card's delta to its sum (creating the row), in card order so that concurrent
   * servers lock card rows in the same order. {@code negatives} counts entries below zero.
   */
  public void addToBalances(Connection c, Map<String, long[]> deltaAndNegatives, long now) throws SQLException {
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(new TreeMap<>(deltaAndNegatives).entrySet());
    for (List<Map.Entry<String, long[]>> chunk : Sql.chunks(sorted, Sql.ROWS_PER_STATEMENT)) {
      List<Object> values = new ArrayList<>(chunk.size() * 4);
      for (Map.Entry<String, long[]> e : chunk) {
        values.add(e.getKey());
        values.add(e.getValue()[0]);
        values.add(e.getValue()[1]);
        values.add(now);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_balances (card_number, balance, negatives,"
          + " updated_at) VALUES " + Sql.valueRows(chunk.size(), 4) + " ON CONFLICT (card_number) DO UPDATE SET"
          + " balance = card_balances.balance + excluded.balance,"
          + " negatives = card_balances.negatives + excluded.negatives, updated_at = excluded.updated_at")) {
        Sql.bind(ps, values);
        ps.executeUpdate();
      }
    }
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
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(balance), 0) FROM card_balances"
        + " WHERE card_number IN (" + Sql.marks(list.size()) + ")")) {
      Sql.bind(ps, list);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Sum and count of entries below zero of each of {@code cards} that has entries. */
  public Map<String, long[]> sums(Connection c, Collection<String> cards) throws SQLException {
    Map<String, long[]> sums = new HashMap<>();
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, balance, negatives FROM card_balances"
          + " WHERE card_number IN (" + Sql.marks(chunk.size()) + ")")) {
        Sql.bind(ps, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sums.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
          }
        }
      }
    }
    return sums;
  }

  /** Every entry of {@code card}, whole, in hybrid-clock order. */
  public List<LedgerEntry> entries(Connection c, String card) throws SQLException {
    List<LedgerEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, card_number, type, points, at, hlc, store_id, terminal_id,"
        + " sale_id, reverses, expires_at, reason FROM ledger_entries WHERE card_number = ? ORDER BY hlc, id")) {
      ps.setString(1, card);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long expires = rs.getLong(11);
          Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
          entries.add(new LedgerEntry(UUID.fromString(rs.getString(1)), rs.getString(2),
              EntryType.valueOf(rs.getString(3)), rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5)),
              new Hlc(rs.getLong(6)), rs.getString(7), rs.getString(8), uuid(rs.getString(9)), uuid(rs.getString(10)),
              expiresAt, rs.getString(12)));
        }
      }
    }
    return entries;
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
    List<String> list = new ArrayList<>(cards);
    List<Movement> movements = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, hlc, type, points, store_id, terminal_id, sale_id"
        + " FROM ledger_entries WHERE card_number IN (" + Sql.marks(list.size()) + ") ORDER BY hlc, id")) {
      Sql.bind(ps, list);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String sale = rs.getString(7);
          movements.add(new Movement(UUID.fromString(rs.getString(1)), rs.getLong(2),
              EntryType.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getString(6),
              sale == null ? null : UUID.fromString(sale)));
        }
      }
    }
    return movements;
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
