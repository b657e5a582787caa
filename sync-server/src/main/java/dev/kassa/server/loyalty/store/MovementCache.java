package dev.kassa.server.loyalty.store;

import dev.kassa.server.loyalty.Movement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The movements of cards as this server last knew them, each at the state of the card's sums row
 * it was known at ({@link LedgerStore.Sums}), so that an overdraft walk need not read a card's whole
 * history again each time a merge touches it.
 *
 * <p>Every insert of ledger entries moves the card's sums row, version and balance, in the same
 * transaction ({@link LedgerStore#addToBalances}). So movements known at a state are all of the
 * card's movements while its row still has that state, and a merge that finds the row one version
 * on, exactly by its own entries, knows the movements after it too. Another server sharing the
 * database, or a transaction that did not commit, can only leave this cache behind the row, never
 * ahead of it: versions only grow, and the cache learns only what committed ({@link #learn}). A
 * state is matched by version, balance and count of entries below zero together. Bounded by the
 * number of movements it keeps; the least recently used card goes first.
 */
final class MovementCache {
  /** A card's movements at one state of its sums row (a list nobody changes: it is kept as given). */
  record Known(long version, long balance, long negatives, List<Movement> movements) {
    Known {
      movements = Collections.unmodifiableList(movements);
    }

    static Known at(LedgerStore.Sums sums, List<Movement> movements) {
      return new Known(sums.version(), sums.balance(), sums.negatives(), movements);
    }

    boolean matches(LedgerStore.Sums sums) {
      return sums != null && sums.version() == version && sums.balance() == balance && sums.negatives() == negatives;
    }
  }

  private static final int MAX_NAMES = 100_000;

  private final int maxMovements;
  private final Map<String, Known> byCard = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private long kept;

  MovementCache(int maxMovements) {
    this.maxMovements = maxMovements;
  }

  /** The card's movements when its sums row is at {@code state} (null: not known here). */
  synchronized List<Movement> at(String card, LedgerStore.Sums state) {
    Known known = byCard.get(card);
    return known != null && known.matches(state) ? known.movements() : null;
  }

  /**
   * The card's movements once {@code added} (null: none) joined those it had with its sums row at
   * {@code state}; null when they are not known here.
   */
  List<Movement> after(String card, LedgerStore.Sums state, List<Movement> added) {
    List<Movement> known = at(card, state);
    if (known == null || added == null || added.isEmpty()) {
      return known;
    }
    List<Movement> all = new ArrayList<>(known.size() + added.size());
    all.addAll(known);
    all.addAll(added);
    return all;
  }

  /** Keeps what a committed merge learned, unless a later state of the card is known already. */
  synchronized void learn(Map<String, Known> learned) {
    learned.forEach((card, known) -> {
      Known was = byCard.get(card);
      if (was != null && was.version() >= known.version()) {
        return;
      }
      if (known.movements().size() > maxMovements) {
        forget(card);
        return;
      }
      Known replaced = byCard.put(card, known);
      kept += known.movements().size() - (replaced == null ? 0 : replaced.movements().size());
    });
    var eldest = byCard.entrySet().iterator();
    while (kept > maxMovements && eldest.hasNext()) {
      kept -= eldest.next().getValue().movements().size();
      eldest.remove();
    }
  }

  private void forget(String card) {
    Known removed = byCard.remove(card);
    if (removed != null) {
      kept -= removed.movements().size();
    }
  }

  /** How many movements are kept (for tests). */
  synchronized long size() {
    return kept;
  }

  /**
   * The movements with one instance of each store and terminal id, which thousands of them share:
   * for movements just read or received, before they are kept.
   */
  List<Movement> shared(Collection<Movement> movements) {
    if (names.size() > MAX_NAMES) {
      names.clear();
    }
    List<Movement> out = new ArrayList<>(movements.size());
    for (Movement m : movements) {
      String store = names.computeIfAbsent(m.storeId(), k -> k);
      String terminal = names.computeIfAbsent(m.terminalId(), k -> k);
      out.add(store == m.storeId() && terminal == m.terminalId() ? m
          : new Movement(m.entryId(), m.hlc(), m.type(), m.points(), store, terminal, m.saleId()));
    }
    return out;
  }
}
