package dev.kassa.pos.sim;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tests' own account of what the server must end up with, worked out from the entries the
 * terminals committed (and the office's adjustments), independently of the server's code: each
 * card's balance is the sum of its entries; a card was really overdrawn where, walking its entries
 * in hybrid-clock order, a redemption takes the balance below zero while no overdraft is open (an
 * overdraft closes when the balance is back at zero or above).
 */
final class ExpectedLoyalty {
  private final Map<String, List<LedgerEntry>> byCard;

  ExpectedLoyalty(List<LedgerEntry> entries) {
    Map<UUID, LedgerEntry> unique = new java.util.LinkedHashMap<>();
    entries.forEach(e -> unique.putIfAbsent(e.id(), e));
    this.byCard = unique.values().stream().collect(Collectors.groupingBy(LedgerEntry::cardNumber, TreeMap::new,
        Collectors.toList()));
  }

  /**
   * The balances the server held before the test sold anything (the demo gives its cards points),
   * as entries that come first in hybrid-clock order.
   */
  static List<LedgerEntry> opening(Map<String, Long> balances) {
    List<LedgerEntry> entries = new ArrayList<>();
    balances.forEach((card, points) -> {
      if (points != 0) {
        entries.add(new LedgerEntry(UUID.nameUUIDFromBytes(("opening:" + card).getBytes(StandardCharsets.UTF_8)), card,
            EntryType.ADJUST, points, Instant.EPOCH, Hlc.of(0, 0), "office", "office", null, null, null, "opening"));
      }
    });
    return entries;
  }

  Map<String, Long> balances() {
    Map<String, Long> balances = new TreeMap<>();
    byCard.forEach((card, list) -> balances.put(card, list.stream().mapToLong(LedgerEntry::points).sum()));
    return balances;
  }

  /** The entry ids of the redemptions that opened an overdraft. */
  Set<UUID> overdraftTriggers() {
    Set<UUID> triggers = new HashSet<>();
    for (List<LedgerEntry> list : byCard.values()) {
      List<LedgerEntry> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(LedgerEntry::hlc).thenComparing(LedgerEntry::id));
      long balance = 0;
      boolean open = false;
      for (LedgerEntry e : sorted) {
        balance += e.points();
        if (open) {
          open = balance < 0;
        } else if (e.type() == EntryType.REDEEM && balance < 0) {
          triggers.add(e.id());
          open = true;
        }
      }
    }
    return triggers;
  }
}
