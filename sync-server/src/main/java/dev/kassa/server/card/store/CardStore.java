package dev.kassa.server.card.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.card.CardInfo;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Issued loyalty cards. A card enters the cards feed when issued, with a zero balance; the ledger
 * (sync) publishes later balances under the same kind and key.
 */
public final class CardStore {
  /** A card to insert: serial, number, and the holder when already known (demo members). */
  public record NewCard(long serial, String number, String holderName, String phone, LocalDate birthday) {}

  private final Database db;

  public CardStore(Database db) {
    this.db = db;
  }

  /** The highest serial issued so far, 0 when none. */
  public long maxSerial() {
    return db.read(CardStore::maxSerial);
  }

  /**
   * Numbers {@code count} cards after the highest serial, in one transaction: two admins issuing at
   * once cannot get the same numbers (the serial is unique; the loser's transaction fails whole).
   */
  public List<NewCard> issueBatch(String batchId, int count, LongFunction<String> numberOfSerial, String issuedBy,
      long nowMillis) {
    return db.inTransaction(c -> {
      long first = maxSerial(c) + 1;
      List<NewCard> cards = new java.util.ArrayList<>();
      for (long serial = first; serial < first + count; serial++) {
        cards.add(new NewCard(serial, numberOfSerial.apply(serial), null, null, null));
      }
      insert(c, batchId, cards, issuedBy, nowMillis);
      return cards;
    });
  }

  /** Inserts given cards (the demo's members) as one batch. */
  public void insertCards(String batchId, List<NewCard> cards, String issuedBy, long nowMillis) {
    db.inTransaction(c -> {
      insert(c, batchId, cards, issuedBy, nowMillis);
      return null;
    });
  }

  private static void insert(Connection c, String batchId, List<NewCard> cards, String issuedBy, long nowMillis)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO card_batches (id, first_serial, card_count, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, batchId);
      ps.setLong(2, cards.isEmpty() ? 0 : cards.get(0).serial());
      ps.setInt(3, cards.size());
      ps.setLong(4, nowMillis);
      ps.setString(5, issuedBy);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO cards (card_number, serial, batch_id, status, holder_name, phone, birthday, issued_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (NewCard card : cards) {
        ps.setString(1, card.number());
        ps.setLong(2, card.serial());
        ps.setString(3, batchId);
        ps.setString(4, CardInfo.ACTIVE);
        ps.setString(5, card.holderName());
        ps.setString(6, card.phone());
        ps.setString(7, card.birthday() == null ? null : card.birthday().toString());
        ps.setLong(8, nowMillis);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    ChangeLog.appendAll(c, cards.stream()
        .map(card -> new ChangeLog.Entry(Stream.CARDS, null, "card", card.number(), feedEntry(card)))
        .toList());
  }

  /** What a terminal learns about a new card; {@code balance} is the last confirmed one, 0 when issued. */
  private static ObjectNode feedEntry(NewCard card) {
    ObjectNode data = SyncCodec.mapper().createObjectNode();
    data.put("number", card.number());
    data.put("status", CardInfo.ACTIVE);
    data.put("balance", 0L);
    if (card.holderName() != null) {
      data.put("holderName", card.holderName());
    }
    if (card.phone() != null) {
      data.put("phone", card.phone());
    }
    if (card.birthday() != null) {
      data.put("birthday", card.birthday().toString());
    }
    return data;
  }

  public Optional<CardInfo> card(String number) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT card_number, status, holder_name, phone, birthday FROM cards WHERE card_number = ?")) {
        ps.setString(1, number);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String birthday = rs.getString(5);
          return Optional.of(new CardInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              birthday == null ? null : LocalDate.parse(birthday)));
        }
      }
    });
  }

  public int cardCount() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cards"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private static long maxSerial(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(serial) FROM cards"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
