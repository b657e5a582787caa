package dev.kassa.server.loyalty.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "card" entities of the cards feed as balances move: the card as issued (number, status,
 * holder fields from the cards table) with the member's confirmed {@code balance}, {@code held},
 * {@code available} and {@code memberCard} (the card it was merged into, itself when not merged).
 * So that a terminal tiers a sale as the server's recompute ({@link EnginePointsCheck}) will, it also
 * carries what that recompute reads of the card's own sales as of {@code asOf}: {@code spend12m}
 * (minor units of the year's sales), {@code firstPurchaseAt} (absent: never bought) and the
 * {@code birthday} it reads (the enrolment's over the issued one). The whole entity is sent each time, since a
 * terminal replaces its copy of an entity.
 */
final class CardFeed {
  /** A member's balance and the cards it shows under. */
  record Published(CardBalance balance, String memberCard, Set<String> cards) {}

  private CardFeed() {}

  /**
   * Adds the members' entities to {@code changes}, with the cards as issued ({@link #issued}) and
   * their history as of the balances' instant ({@link CardHistory#asOf}) read beforehand; the caller
   * makes sure the history has every sale merged so far.
   */
  static void add(List<Published> published, Map<String, ObjectNode> issued, CardHistory history,
      List<ChangeLog.Entry> changes) {
    for (Published p : published) {
      for (String card : p.cards()) {
        ObjectNode data = issued.containsKey(card) ? issued.get(card).deepCopy() : fresh(card);
        data.put("spend12m", history.spendSinceYearBefore(card));
        Instant first = history.firstPurchase(card);
        if (first != null) {
          data.put("firstPurchaseAt", first.toString());
        }
        putIfSet(data, "birthday", history.birthday(card) == null ? null : history.birthday(card).toString());
        data.put("balance", p.balance().balance());
        data.put("held", p.balance().held());
        data.put("available", p.balance().available());
        data.put("memberCard", p.memberCard());
        data.put("asOf", p.balance().asOf().toString());
        changes.add(new ChangeLog.Entry(Stream.CARDS, null, "card", card, data));
      }
    }
  }

  private static ObjectNode fresh(String card) {
    ObjectNode data = SyncCodec.mapper().createObjectNode();
    data.put("number", card);
    data.put("status", "ACTIVE");
    return data;
  }

  /** The cards as issued (number, status, holder fields), by card number; absent: never issued here. */
  static Map<String, ObjectNode> issued(Connection c, Collection<String> cards) throws SQLException {
    Map<String, ObjectNode> issued = new HashMap<>();
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, status, holder_name, phone, birthday"
          + " FROM cards WHERE " + Sql.any(postgres, "card_number", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ObjectNode data = fresh(rs.getString(1));
            data.put("status", rs.getString(2));
            putIfSet(data, "holderName", rs.getString(3));
            putIfSet(data, "phone", rs.getString(4));
            putIfSet(data, "birthday", rs.getString(5));
            issued.put(rs.getString(1), data);
          }
        }
      }
    }
    return issued;
  }

  /** The birthdays the {@link #issued} cards were issued with, by card number. */
  static Map<String, LocalDate> birthdays(Map<String, ObjectNode> issued) {
    Map<String, LocalDate> birthdays = new HashMap<>();
    issued.forEach((card, data) -> {
      if (data.hasNonNull("birthday")) {
        birthdays.put(card, LocalDate.parse(data.get("birthday").asText()));
      }
    });
    return birthdays;
  }

  private static void putIfSet(ObjectNode data, String field, String value) {
    if (value != null) {
      data.put(field, value);
    }
  }
}
