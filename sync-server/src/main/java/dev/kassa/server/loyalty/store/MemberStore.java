package dev.kassa.server.loyalty.store;

import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.server.loyalty.Enrolment;
import dev.kassa.server.loyalty.MemberReconciliation;
import dev.kassa.server.sync.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Enrolments as received, and each enrolled card's member (the canonical card). */
public final class MemberStore {

  /** Stores the enrolment (once per event) after locking its card and phone keys. */
  public void insert(Connection c, UUID eventId, MemberEnrolled m) throws SQLException {
    lockKeys(c, MemberReconciliation.keys(enrolment(eventId, m)));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_enrolments (event_id, card_number, name, phone,"
        + " birthday, referrer_card, store_id, terminal_id, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (event_id) DO NOTHING")) {
      Sql.bind(ps, java.util.Arrays.asList(eventId, m.cardNumber(), m.name(), m.phone(),
          m.birthday() == null ? null : m.birthday().toString(), m.referrerCard(), m.storeId(), m.terminalId(),
          m.enrolledAt().toEpochMilli()));
      ps.executeUpdate();
    }
  }

  /**
   * Reconciles the group of enrolments connected to {@code start} by card or phone and rewrites
   * their cards' canonical card. Returns the cards whose canonical card changed.
   */
  public Set<String> reconcile(Connection c, MemberEnrolled start) throws SQLException {
    Map<UUID, Enrolment> group = new LinkedHashMap<>();
    Set<String> visited = new HashSet<>();
    Deque<String> keys = new ArrayDeque<>(MemberReconciliation.keys(
        new Enrolment(new UUID(0, 0), start.cardNumber(), start.phone(), 0)));
    while (!keys.isEmpty()) {
      String key = keys.poll();
      if (!visited.add(key)) {
        continue;
      }
      for (Enrolment e : byKey(c, key)) {
        if (group.putIfAbsent(e.eventId(), e) == null) {
          keys.addAll(MemberReconciliation.keys(e));
        }
      }
    }
    lockKeys(c, visited);
    Set<String> changed = new TreeSet<>();
    for (MemberReconciliation.Member member : MemberReconciliation.members(group.values())) {
      for (String card : member.cards()) {
        String canonical = member.winner().cardNumber();
        if (!canonical.equals(canonicalCard(c, card))) {
          changed.add(card);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO card_aliases (card_number, canonical_card,"
            + " winner_event) VALUES (?, ?, ?) ON CONFLICT (card_number) DO UPDATE SET"
            + " canonical_card = excluded.canonical_card, winner_event = excluded.winner_event")) {
          Sql.bind(ps, List.of(card, canonical, member.winner().eventId()));
          ps.executeUpdate();
        }
      }
    }
    return changed;
  }

  /** The member's card for {@code card}: itself unless it was merged into another. */
  public String canonicalCard(Connection c, String card) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT canonical_card FROM card_aliases WHERE card_number = ?")) {
      ps.setString(1, card);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : card;
      }
    }
  }

  /** Every card of the member whose card is {@code canonical}, itself included. */
  public Set<String> cardsOf(Connection c, String canonical) throws SQLException {
    Set<String> cards = new TreeSet<>();
    cards.add(canonical);
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number FROM card_aliases WHERE canonical_card = ?")) {
      ps.setString(1, canonical);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cards.add(rs.getString(1));
        }
      }
    }
    return cards;
  }

  /** The member's card of each of {@code cards} (itself unless merged), in one query per 500. */
  public Map<String, String> canonicalCards(Connection c, Collection<String> cards) throws SQLException {
    Map<String, String> canonical = new LinkedHashMap<>();
    for (String card : cards) {
      canonical.put(card, card);
    }
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(cards), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT card_number, canonical_card FROM card_aliases"
          + " WHERE " + Sql.any(postgres, "card_number", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            canonical.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return canonical;
  }

  /** Every card of each member whose card is in {@code canonicals}, itself included. */
  public Map<String, Set<String>> cardsOfAll(Connection c, Collection<String> canonicals) throws SQLException {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (String canonical : canonicals) {
      groups.computeIfAbsent(canonical, k -> new TreeSet<>()).add(canonical);
    }
    boolean postgres = Sql.isPostgres(c);
    for (List<String> chunk : Sql.chunks(new ArrayList<>(canonicals), 500)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT canonical_card, card_number FROM card_aliases"
          + " WHERE " + Sql.any(postgres, "canonical_card", chunk.size()))) {
        Sql.bindAny(ps, 1, postgres, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            groups.get(rs.getString(1)).add(rs.getString(2));
          }
        }
      }
    }
    return groups;
  }

  /** Cards merged into another member's card: alias to canonical. */
  public Map<String, String> aliases(Connection c) throws SQLException {
    Map<String, String> aliases = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT card_number, canonical_card FROM card_aliases"
        + " WHERE card_number <> canonical_card ORDER BY card_number");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        aliases.put(rs.getString(1), rs.getString(2));
      }
    }
    return aliases;
  }

  private List<Enrolment> byKey(Connection c, String key) throws SQLException {
    String column = key.startsWith("card:") ? "card_number" : "phone";
    List<Enrolment> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT event_id, card_number, phone, enrolled_at"
        + " FROM member_enrolments WHERE " + column + " = ?")) {
      ps.setString(1, key.substring(key.indexOf(':') + 1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Enrolment(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
    }
    return found;
  }

  /** Row locks on each key, in key order, so servers reconciling overlapping groups take turns. */
  private void lockKeys(Connection c, Collection<String> keys) throws SQLException {
    for (String key : new TreeSet<>(keys)) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_locks (lock_key, n) VALUES (?, 1)"
          + " ON CONFLICT (lock_key) DO UPDATE SET n = member_locks.n + 1")) {
        ps.setString(1, key);
        ps.executeUpdate();
      }
    }
  }

  private static Enrolment enrolment(UUID eventId, MemberEnrolled m) {
    return new Enrolment(eventId, m.cardNumber(), m.phone(), m.enrolledAt().toEpochMilli());
  }
}
