package dev.kassa.pos.ledger;

import dev.kassa.model.id.HybridClock;
import dev.kassa.model.id.UuidV7;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventPayload;
import dev.kassa.model.sync.JournalLink;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.pos.ledger.store.JournalRow;
import dev.kassa.pos.ledger.store.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fiscal document into what is committed with it: the next journal link, the outbox
 * events (the document with its link, then its points entries), and keeps the receipt counter
 * and chain head in step with the file. Not thread-safe: the ledger calls it under its own lock.
 */
final class DocumentWriter {
  private static final Logger log = LoggerFactory.getLogger(DocumentWriter.class);

  private final LedgerStore store;
  private final TerminalIdentity identity;
  private final HybridClock hlc;
  private long lastReceiptNo;
  private ChainHead head;

  DocumentWriter(LedgerStore store, TerminalIdentity identity, HybridClock hlc, long lastReceiptNo) {
    this.store = store;
    this.identity = identity;
    this.hlc = hlc;
    this.lastReceiptNo = lastReceiptNo;
    this.head = store.chainHead();
  }

  long lastReceiptNo() {
    return lastReceiptNo;
  }

  long nextReceiptNo() {
    return lastReceiptNo + 1;
  }

  ChainHead head() {
    return head;
  }

  void skipReceiptsTo(long receiptNo) {
    lastReceiptNo = Math.max(lastReceiptNo, receiptNo);
  }

  /** Commits a sale, return or void with its entries; returns its journal link. */
  JournalLink commit(EventPayload document, Instant now, List<LedgerEntry> entries) {
    String hash = JournalChain.hash(head.hash(), document);
    JournalLink link = new JournalLink(head.seq() + 1, head.hash(), hash);
    List<SyncEvent> events = new ArrayList<>(1 + entries.size());
    events.add(event(now, link, document));
    for (LedgerEntry entry : entries) {
      events.add(entryEvent(entry));
    }
    JournalRow row = new JournalRow(link.seq(), kind(document), id(document), link.previousHash(), hash);
    try {
      store.commitDocument(document, entries, row, events);
    } catch (RuntimeException e) {
      resync();
      throw e;
    }
    head = new ChainHead(link.seq(), hash);
    if (document instanceof Sale sale) {
      lastReceiptNo = sale.receiptNo();
    } else if (document instanceof SaleReturn saleReturn) {
      lastReceiptNo = saleReturn.receiptNo();
    }
    return link;
  }

  /** An event of this terminal, stamped now by the hybrid clock. */
  SyncEvent event(Instant now, JournalLink link, EventPayload payload) {
    return new SyncEvent(UuidV7.next(), hlc.now(), now, identity.storeId(), identity.terminalId(), link, payload);
  }

  /**
   * An entry's event: the entry's own id, hybrid time, time, store and terminal, so the server keeps
   * it once, as the ledger row it makes (the server's {@code EntryEvents}).
   */
  SyncEvent entryEvent(LedgerEntry entry) {
    return new SyncEvent(entry.id(), entry.hlc(), entry.at(), identity.storeId(), identity.terminalId(), null, entry);
  }

  /**
   * After a failed commit, takes the counters from the file again: an I/O error can leave it
   * unclear whether SQLite committed, and the file, not memory, is the truth.
   */
  private void resync() {
    try {
      lastReceiptNo = store.terminal().lastReceiptNo();
      head = store.chainHead();
    } catch (LedgerException e) {
      log.warn("cannot re-read the ledger counters after a failed commit", e);
    }
  }

  private static String kind(EventPayload document) {
    if (document instanceof Sale) {
      return "sale";
    }
    return document instanceof SaleReturn ? "return" : "void";
  }

  private static UUID id(EventPayload document) {
    if (document instanceof Sale s) {
      return s.id();
    }
    if (document instanceof SaleReturn r) {
      return r.id();
    }
    return ((SaleVoid) document).id();
  }
}
