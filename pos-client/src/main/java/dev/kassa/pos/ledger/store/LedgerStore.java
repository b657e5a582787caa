package dev.kassa.pos.ledger.store;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.shift.CashMovement;
import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftOpened;
import dev.kassa.model.shift.ShiftTotals;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventPayload;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.pos.ledger.CardPosition;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the terminal ledger stores, as whole transactions: each public method that writes is
 * one {@code BEGIN IMMEDIATE ... COMMIT}, so a crash leaves either all of a document (with its
 * lines, payments, points entries, journal link, receipt counter and outbox rows) or none of it.
 * The ledger above decides what to write; this class only writes it.
 */
public final class LedgerStore implements AutoCloseable {
  private final LedgerDatabase db;
  private final TerminalRows terminal;
  private final ShiftRows shifts;
  private final SaleRows sales;
  private final ReturnRows returns;
  private final EntryRows entries;
  private final JournalRows journal;
  private final OutboxRows outbox;
  private final FeedRows feeds;
  private final BasketRows basket;

  private LedgerStore(LedgerDatabase db) {
    this.db = db;
    this.terminal = new TerminalRows(db);
    this.shifts = new ShiftRows(db);
    this.sales = new SaleRows(db);
    this.returns = new ReturnRows(db);
    this.entries = new EntryRows(db);
    this.journal = new JournalRows(db);
    this.outbox = new OutboxRows(db, entries, terminal, journal);
    this.feeds = new FeedRows(db, terminal);
    this.basket = new BasketRows(db);
  }

  public static LedgerStore open(Path file) {
    return new LedgerStore(LedgerDatabase.open(file));
  }

  public Path file() {
    return db.file();
  }

  public OutboxRows outbox() {
    return outbox;
  }

  public FeedRows feeds() {
    return feeds;
  }

  public BasketRows basket() {
    return basket;
  }

  /** The terminal row, or null in a ledger that was never initialised. */
  public TerminalRow terminal() {
    return db.read(terminal::find);
  }

  public TerminalRow initTerminal(String storeId, String terminalId, String currency) {
    return db.write(() -> {
      if (terminal.find() == null) {
        terminal.create(storeId, terminalId, currency);
      }
      return terminal.find();
    });
  }

  public ShiftRow currentShift(Currency currency) {
    return db.read(() -> shifts.current(currency));
  }

  public ShiftRow shift(UUID id, Currency currency) {
    return db.read(() -> shifts.find(id, currency));
  }

  public ShiftTotals totals(ShiftRow shift, Currency currency) {
    return db.read(() -> shifts.totals(shift, currency));
  }

  public List<VatGross> vatGross(ShiftRow shift) {
    return db.read(() -> shifts.vatGross(shift));
  }

  public void openShift(ShiftOpened opened, SyncEvent event) {
    db.write(() -> {
      shifts.open(opened);
      finish(List.of(event));
      return null;
    });
  }

  public void recordCashMovement(CashMovement movement, SyncEvent event) {
    db.write(() -> {
      shifts.insertMovement(movement);
      finish(List.of(event));
      return null;
    });
  }

  public void closeShift(ShiftClosed closed, SyncEvent event) {
    db.write(() -> {
      terminal.takeZNo(closed.zNumber());
      shifts.close(closed);
      finish(List.of(event));
      return null;
    });
  }

  /**
   * Commits a sale, return or void with its points entries, its journal link, the receipt counter
   * (sales and returns share one) and its outbox rows in one transaction. A sale also empties the
   * open basket it came from.
   */
  public void commitDocument(EventPayload document, List<LedgerEntry> documentEntries, JournalRow link,
      List<SyncEvent> events) {
    db.write(() -> {
      if (document instanceof Sale sale) {
        terminal.takeReceiptNo(sale.receiptNo());
        sales.insert(sale);
        basket.clearInTransaction();
      } else if (document instanceof SaleReturn saleReturn) {
        terminal.takeReceiptNo(saleReturn.receiptNo());
        returns.insert(saleReturn);
      } else if (document instanceof SaleVoid saleVoid) {
        returns.insertVoid(saleVoid);
      } else {
        throw new IllegalArgumentException("not a fiscal document: " + document.getClass().getSimpleName());
      }
      for (LedgerEntry entry : documentEntries) {
        entries.insert(entry);
      }
      journal.insert(link);
      finish(events);
      return null;
    });
  }

  private void finish(List<SyncEvent> events) throws java.sql.SQLException {
    long hlc = 0;
    for (SyncEvent event : events) {
      outbox.insert(event);
      hlc = Math.max(hlc, event.hlc().value());
    }
    terminal.raiseHlc(hlc);
  }

  public void recordOverride(UUID id, UUID shiftId, String action, String cashierId, String approvedBy, UUID saleId,
      String reason, Instant at) {
    db.write(() -> {
      PreparedStatement st = db.statement("INSERT INTO overrides (id, shift_id, action, cashier_id, approved_by,"
          + " sale_id, reason, at) VALUES (?,?,?,?,?,?,?,?)");
      st.setString(1, id.toString());
      Columns.setNullable(st, 2, Columns.text(shiftId));
      st.setString(3, action);
      st.setString(4, cashierId);
      st.setString(5, approvedBy);
      Columns.setNullable(st, 6, Columns.text(saleId));
      st.setString(7, reason);
      st.setString(8, Columns.text(at));
      st.executeUpdate();
      return null;
    });
  }

  /** Overrides as "action by cashier approved by manager: reason" lines, oldest first. */
  public List<String> overrides() {
    return db.read(() -> {
      List<String> list = new ArrayList<>();
      try (ResultSet rs = db.statement("SELECT action, cashier_id, approved_by, reason FROM overrides ORDER BY at")
          .executeQuery()) {
        while (rs.next()) {
          list.add(rs.getString(1) + " by " + rs.getString(2) + " approved by " + rs.getString(3) + ": "
              + rs.getString(4));
        }
      }
      return list;
    });
  }

  public Sale sale(UUID id) {
    return db.read(() -> sales.find(id));
  }

  public UUID saleIdOfReceipt(long receiptNo) {
    return db.read(() -> sales.idOfReceipt(receiptNo));
  }

  public boolean isVoided(UUID saleId) {
    return db.read(() -> returns.isVoided(saleId));
  }

  public Map<Integer, Long> returnedQuantities(UUID saleId) {
    return db.read(() -> returns.returnedQuantities(saleId));
  }

  public long entriesOfSale(UUID saleId) {
    return db.read(() -> entries.countForSale(saleId.toString()));
  }

  public ChainHead chainHead() {
    return db.read(journal::head);
  }

  public List<JournalRow> journal() {
    return db.read(journal::all);
  }

  /** Every sale, return and void rebuilt from its rows (sales and returns in receipt order, then voids). */
  public List<StoredDocument> documents() {
    return db.read(() -> {
      List<StoredDocument> all = new ArrayList<>();
      sales.readAll("", null, all::add);
      returns.readAllReturns(all::add);
      returns.readAllVoids(all::add);
      return all;
    });
  }

  /** Last confirmed balance plus this terminal's entries the confirmation does not include yet. */
  public long offlineBalance(String cardNumber) {
    return db.read(() -> {
      FeedRows.CardRow card = feeds.card(cardNumber);
      long confirmed = card == null ? 0 : card.confirmedBalance();
      long mark = card == null ? 0 : card.mark();
      return Math.addExact(confirmed, entries.unconfirmedPoints(cardNumber, mark));
    });
  }

  /** What the terminal knows of a card's points: see {@link CardPosition}. */
  public CardPosition cardPosition(String cardNumber) {
    return db.read(() -> {
      FeedRows.CardRow card = feeds.card(cardNumber);
      long confirmed = card == null ? 0 : card.confirmedBalance();
      long mark = card == null ? 0 : card.mark();
      long all = entries.unconfirmedPoints(cardNumber, mark);
      long debits = entries.unconfirmedDebits(cardNumber, mark);
      SaleRows.Unconfirmed sold = sales.unconfirmed(cardNumber, mark);
      long spend = Math.addExact(card == null ? 0 : card.spend12m(), sold.spendMinor());
      Instant first = card == null || card.firstPurchaseAt() == null ? sold.anyAt() : card.firstPurchaseAt();
      return new CardPosition(cardNumber, card != null, confirmed, all - debits, -debits, spend, first,
          card == null ? null : card.birthday());
    });
  }

  /** Receipt ranges skipped on purpose (a restore), as {from, to} pairs. */
  public List<long[]> knownReceiptGaps() {
    return db.read(() -> {
      List<long[]> gaps = new ArrayList<>();
      try (ResultSet rs = db.statement("SELECT from_no, to_no FROM known_receipt_gaps ORDER BY from_no").executeQuery()) {
        while (rs.next()) {
          gaps.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      return gaps;
    });
  }

  /** Moves the receipt counter to {@code lastReceiptNo} and records the skipped numbers with the reason. */
  public void skipReceiptsTo(long lastReceiptNo, String reason, Instant at) {
    db.write(() -> {
      TerminalRow row = terminal.find();
      if (lastReceiptNo > row.lastReceiptNo()) {
        PreparedStatement st = db.statement(
            "INSERT INTO known_receipt_gaps (from_no, to_no, reason, recorded_at) VALUES (?,?,?,?)");
        st.setLong(1, row.lastReceiptNo() + 1);
        st.setLong(2, lastReceiptNo);
        st.setString(3, reason);
        st.setString(4, Columns.text(at));
        st.executeUpdate();
        terminal.skipReceiptsTo(lastReceiptNo);
      }
      return null;
    });
  }

  public List<String> integrityCheck() {
    return db.integrityCheck();
  }

  public void limitSize(long maxBytes) {
    db.limitSize(maxBytes);
  }

  public void backupTo(Path target) {
    db.backupTo(target);
  }

  @Override
  public void close() {
    db.close();
  }
}
