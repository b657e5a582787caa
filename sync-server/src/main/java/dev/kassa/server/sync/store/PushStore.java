package dev.kassa.server.sync.store;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.EventResult.Outcome;
import dev.kassa.model.sync.PushResponse.ChainStatus;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.coupon.store.CouponMerge;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.loyalty.store.LedgerStore;
import dev.kassa.server.loyalty.store.LoyaltyMerge;
import dev.kassa.server.store.DataAccessException;
import dev.kassa.server.sync.ChainRules;
import dev.kassa.server.sync.EntryEvents;
import dev.kassa.server.sync.EventRules;
import dev.kassa.server.sync.Incoming;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores one pushed batch in one transaction: each event once (the id is the idempotency key; the
 * decoded value decides between duplicate and conflicting reuse; an entry event whose envelope is its
 * entry's own is kept as its ledger row only, {@link EntryEvents}), sales in columns, the journal
 * links with the chain verdict, the coupons and certificates the batch used, and the loyalty merge.
 * Rows are written in id order, codes in code order and cards in card order, so servers sharing one
 * PostgreSQL lock in the same order and do not deadlock.
 */
public final class PushStore {
  /** The verdict on each event the store was given, in the order given, and the terminal's chain. */
  public record Stored(List<EventResult> results, ChainStatus chain) {}

  private static final String REUSED_ID = "id already used for a different event";

  private final Transactions tx;
  private final LoyaltyMerge loyalty;
  private final CouponMerge coupons;
  private final Clock clock;
  private final EventStore events = new EventStore();
  private final SaleStore sales = new SaleStore();
  private final JournalStore journal = new JournalStore();
  private final LedgerStore ledger = new LedgerStore();

  /** With coupons and certificates published straight to the change log. */
  public PushStore(Transactions tx, LoyaltyMerge loyalty, Clock clock) {
    this(tx, loyalty, new CouponMerge(ChangeLog::appendAll), clock);
  }

  public PushStore(Transactions tx, LoyaltyMerge loyalty, CouponMerge coupons, Clock clock) {
    this.tx = tx;
    this.loyalty = loyalty;
    this.coupons = coupons;
    this.clock = clock;
  }

  /**
   * {@code acceptable} are decoded events that passed the rules; an id given twice is a duplicate the
   * second time. The events are written as new, with plain INSERTs ({@link Sql.IfStored#FAIL}),
   * unless the batch's first or last event is stored already (a retried batch starts with the events
   * the lost reply was about). When one is stored after all, or comes in from another server
   * meanwhile, that transaction fails on the key and is run again, skipping what is stored.
   */
  public Stored push(String storeId, String terminalId, List<Incoming> acceptable) {
    Committed committed;
    try {
      committed = tx.write(c -> store(c, storeId, terminalId, acceptable, Sql.IfStored.FAIL));
    } catch (DataAccessException e) {
      if (!e.isUniqueViolation()) {
        throw e;
      }
      committed = tx.write(c -> store(c, storeId, terminalId, acceptable, Sql.IfStored.SKIP));
    }
    loyalty.committed(committed.learned());
    return committed.stored();
  }

  /** A transaction's verdicts, and what its loyalty merge learned, to be kept now that it committed. */
  private record Committed(Stored stored, LoyaltyMerge.Learned learned) {}

  public ChainStatus chainStatus(String terminalId) {
    return tx.read(c -> journal.status(c, terminalId));
  }

  private Committed store(Connection c, String storeId, String terminalId, List<Incoming> acceptable,
      Sql.IfStored asked) throws SQLException {
    Instant now = clock.instant();
    Sql.IfStored ifStored = asked == Sql.IfStored.FAIL && !acceptable.isEmpty() && events.anyStored(c,
        List.of(acceptable.get(0).id(), acceptable.get(acceptable.size() - 1).id())) ? Sql.IfStored.SKIP : asked;
    Map<UUID, EventResult> results = new HashMap<>();
    Map<UUID, Incoming> firsts = new LinkedHashMap<>();
    for (Incoming in : acceptable) {
      firsts.putIfAbsent(in.id(), in);
    }
    List<Incoming> unique = new ArrayList<>(firsts.values());
    unique.sort(Comparator.comparing(Incoming::id));
    // an entry event whose envelope is its entry's own is kept once, as its ledger row (EntryEvents)
    List<Incoming> keptAsEntries = new ArrayList<>();
    List<Incoming> asEvents = new ArrayList<>(unique.size());
    for (Incoming in : unique) {
      (EntryEvents.keptAsEntry(in.event()) ? keptAsEntries : asEvents).add(in);
    }
    Set<UUID> entryIds = entryIdsUsed(c, asEvents);
    List<EventStore.Row> rows = new ArrayList<>(asEvents.size());
    for (Incoming in : asEvents) {
      SyncEvent e = in.event();
      if (!entryIds.contains(in.id())) {
        rows.add(new EventStore.Row(e.id(), e.storeId(), e.terminalId(), EventRules.kind(e.payload()),
            e.hlc().value(), e.terminalTime().toEpochMilli(), in.body()));
      }
    }
    Set<UUID> inserted = events.insert(c, rows, now.toEpochMilli(), ifStored);
    List<UUID> already = rows.stream().map(EventStore.Row::id).filter(id -> !inserted.contains(id)).toList();
    Map<UUID, byte[]> stored = already.isEmpty() ? Map.of() : events.bodies(c, already);
    for (Incoming in : asEvents) {
      results.put(in.id(), inserted.contains(in.id()) ? new EventResult(in.id(), Outcome.ACCEPTED, null)
          : compare(in, entryIds.contains(in.id()) ? null : stored.get(in.id())));
    }

    List<SaleStore.Row> saleRows = new ArrayList<>();
    List<LedgerStore.Row> entries = new ArrayList<>();
    List<LoyaltyMerge.Enrolled> enrolled = new ArrayList<>();
    List<ChainRules.Link> links = new ArrayList<>();
    CouponMerge.Work couponWork = new CouponMerge.Work();
    for (Incoming in : asEvents) {
      if (!inserted.contains(in.id())) {
        continue;
      }
      SyncEvent e = in.event();
      if (e.journal() != null) {
        links.add(new ChainRules.Link(e.journal().seq(), e.journal().hash(), e.journal().previousHash(), e.id()));
      }
      if (e.payload() instanceof Sale sale) {
        saleRows.add(new SaleStore.Row(e.id(), sale));
      } else if (e.payload() instanceof LedgerEntry entry) {
        entries.add(new LedgerStore.Row(e.id(), entry));
      } else if (e.payload() instanceof MemberEnrolled member) {
        enrolled.add(new LoyaltyMerge.Enrolled(e.id(), member));
      } else if (e.payload() instanceof SaleVoid saleVoid) {
        couponWork.voided(saleVoid);
      } else if (e.payload() instanceof SaleReturn saleReturn) {
        couponWork.returned(saleReturn);
      }
    }
    for (Incoming in : keptAsEntries) {
      entries.add(new LedgerStore.Row(in.id(), (LedgerEntry) in.event().payload()));
    }
    List<Sale> newSales = sales.insert(c, saleRows, ifStored);
    ChainStatus chain = journal.record(c, storeId, terminalId, links, now.toEpochMilli(), ifStored);
    // only sales stored now: a sale sent again uses its coupons and certificates once
    newSales.forEach(couponWork::sale);
    // nothing to do, and no statement, for the many batches without coupons, certificates or voids
    List<ChangeLog.Entry> couponChanges = couponWork.isEmpty() ? List.of() : coupons.merge(c, couponWork, now);
    LoyaltyMerge.Merged merged = loyalty.merge(c, enrolled, entries, newSales, now, ifStored);
    entryVerdicts(c, keptAsEntries, merged.entriesAdded(), results);
    // after the loyalty merge, which appends last too: the feed's counter stays locked until commit
    coupons.publish(c, couponChanges);

    List<EventResult> ordered = new ArrayList<>(acceptable.size());
    for (Incoming in : acceptable) {
      Incoming first = firsts.get(in.id());
      if (first == in) {
        ordered.add(results.get(in.id()));
      } else if (in.sameEvent(first.body())) {
        ordered.add(new EventResult(in.id(), Outcome.DUPLICATE, null));
      } else {
        ordered.add(new EventResult(in.id(), Outcome.REJECTED, REUSED_ID));
      }
    }
    return new Committed(new Stored(ordered, chain), merged.learned());
  }

  /**
   * The ids among {@code asEvents}' entry events (those under an id of their own, as older agents
   * sent them) that a stored ledger entry has: an event must not take the id of another.
   */
  private Set<UUID> entryIdsUsed(Connection c, List<Incoming> asEvents) throws SQLException {
    List<UUID> entryEvents = asEvents.stream().filter(in -> in.event().payload() instanceof LedgerEntry)
        .map(Incoming::id).toList();
    return entryEvents.isEmpty() ? Set.of() : ledger.byIds(c, entryEvents).keySet();
  }

  /**
   * The verdicts on the entry events kept as their ledger rows: new when the merge added the entry
   * now, else a duplicate when the stored entry is the one sent, else a reuse of its id.
   */
  private void entryVerdicts(Connection c, List<Incoming> kept, Set<UUID> added, Map<UUID, EventResult> results)
      throws SQLException {
    List<UUID> storedBefore = kept.stream().map(Incoming::id).filter(id -> !added.contains(id)).toList();
    Map<UUID, LedgerEntry> stored = storedBefore.isEmpty() ? Map.of() : ledger.byIds(c, storedBefore);
    for (Incoming in : kept) {
      EventResult result;
      if (added.contains(in.id())) {
        result = new EventResult(in.id(), Outcome.ACCEPTED, null);
      } else if (EntryEvents.sameEntry((LedgerEntry) in.event().payload(), stored.get(in.id()))) {
        result = new EventResult(in.id(), Outcome.DUPLICATE, null);
      } else {
        result = new EventResult(in.id(), Outcome.REJECTED, REUSED_ID);
      }
      results.put(in.id(), result);
    }
  }

  private static EventResult compare(Incoming in, byte[] storedBody) {
    if (in.sameEvent(storedBody)) {
      return new EventResult(in.id(), Outcome.DUPLICATE, null);
    }
    return new EventResult(in.id(), Outcome.REJECTED, REUSED_ID);
  }
}
