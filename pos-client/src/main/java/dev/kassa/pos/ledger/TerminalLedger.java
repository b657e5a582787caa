package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.id.UuidV7;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.shift.CashMovement;
import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftOpened;
import dev.kassa.model.shift.ShiftTotals;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.pos.ledger.store.FeedRows;
import dev.kassa.pos.ledger.store.LedgerStore;
import dev.kassa.pos.ledger.store.OutboxRows;
import dev.kassa.pos.ledger.store.ShiftRow;
import dev.kassa.pos.ledger.store.VatGross;
import dev.kassa.pos.ledger.store.TerminalRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's ledger: the one place a sale becomes real. {@link #completeSale} returns only
 * once the sale, its lines, payments, points entries, receipt number, journal link and outbox
 * events are committed together on disk; after that the drawer may open and nothing (crash, power
 * cut, full disk) can take the sale back. Anything refused comes back as a {@link LedgerException}
 * with a message for the cashier, and leaves nothing behind.
 *
 * <p>Thread-safe: the cashier's thread and the sync agent (through {@link #outbox()} and
 * {@link #feeds()}) share one writer connection, one write transaction at a time; reads (a scan's
 * product, a card's position) run on reader connections of their own and never wait for a write.
 */
public final class TerminalLedger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TerminalLedger.class);

  private final LedgerConfig config;
  private final LedgerStore store;
  private final DataDirLock lock;
  private final TerminalIdentity identity;
  private final Currency currency;
  private final Clock clock;
  private final HybridClock hlc;
  private final Basket basket;
  private final DocumentWriter documents;
  private ShiftRow shift;
  private ScheduledExecutorService backups;

  private TerminalLedger(LedgerConfig config, LedgerStore store, TerminalRow row, DataDirLock lock) {
    this.config = config;
    this.lock = lock;
    this.store = store;
    this.identity = config.identity();
    this.currency = identity.currency();
    this.clock = config.clock();
    this.hlc = new HybridClock(clock, new Hlc(row.lastHlc()));
    this.basket = new Basket(store.basket(), this::requireWriter);
    this.documents = new DocumentWriter(store, identity, hlc, row.lastReceiptNo());
    this.shift = store.currentShift(currency);
  }

  /**
   * Opens the terminal's ledger in {@code config.dataDir()}, creating or upgrading it in place.
   * Throws {@link LedgerCorruptException} (file left untouched) when it is damaged,
   * {@link WrongTerminalException} when it belongs to another terminal and
   * {@link LedgerInUseException} while another process has it open.
   */
  public static TerminalLedger open(LedgerConfig config) {
    DataDirLock lock = DataDirLock.acquire(config.dataDir());
    LedgerStore store;
    try {
      store = LedgerStore.open(config.file());
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      if (config.maxSizeBytes() > 0) {
        store.limitSize(config.maxSizeBytes());
      }
      TerminalIdentity id = config.identity();
      TerminalRow row = store.initTerminal(id.storeId(), id.terminalId(), id.currency().getCurrencyCode());
      if (!row.storeId().equals(id.storeId()) || !row.terminalId().equals(id.terminalId())
          || !row.currency().equals(id.currency().getCurrencyCode())) {
        throw new WrongTerminalException(id.storeId() + "/" + id.terminalId(), row.storeId() + "/" + row.terminalId());
      }
      return new TerminalLedger(config, store, row, lock);
    } catch (RuntimeException e) {
      store.close();
      lock.close();
      throw e;
    }
  }

  /**
   * Opens an existing ledger for reading, as whatever terminal it belongs to, also while the till
   * itself runs ({@code kassa pos status}, {@code verify}): it takes no writer lock, so everything
   * that records a document, changes a shift or edits the basket refuses with
   * {@link IllegalStateException}.
   */
  public static TerminalLedger openExisting(Path dataDir) {
    Path file = dataDir.resolve("ledger.db");
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new LedgerStorageException("no ledger at " + file, null);
    }
    LedgerStore store = LedgerStore.open(file);
    TerminalRow row = store.terminal();
    if (row == null) {
      store.close();
      throw new LedgerStorageException("the ledger at " + file + " was never initialised", null);
    }
    TerminalIdentity identity = new TerminalIdentity(row.storeId(), row.terminalId(), Currency.getInstance(row.currency()));
    return new TerminalLedger(LedgerConfig.of(dataDir, identity), store, row, null);
  }

  /** Whether this handle may write (opened with {@link #open}) or only read ({@link #openExisting}). */
  public boolean isWriter() {
    return lock != null;
  }

  private void requireWriter() {
    if (lock == null) {
      throw new IllegalStateException("this ledger was opened for reading only (openExisting)");
    }
  }

  public TerminalIdentity identity() {
    return identity;
  }

  /** The terminal's hybrid clock, restored past every stamp it issued before; the sync agent merges server time into it. */
  public HybridClock hybridClock() {
    return hlc;
  }

  public Basket basket() {
    return basket;
  }

  public OutboxRows outbox() {
    return store.outbox();
  }

  public FeedRows feeds() {
    return store.feeds();
  }

  public synchronized long lastReceiptNo() {
    return documents.lastReceiptNo();
  }

  public synchronized ChainHead chainHead() {
    return documents.head();
  }

  // ---- sales ---------------------------------------------------------------------------------

  /** Commits the sale; see the class comment. Needs an open shift. */
  public synchronized CommittedSale completeSale(SaleDraft draft) {
    requireWriter();
    ShiftRow open = requireShift();
    Instant now = clock.instant();
    Sale sale;
    try {
      Money total = Money.zero(currency);
      for (SaleLine line : draft.lines()) {
        total = total.plus(line.net());
      }
      sale = new Sale(draft.saleId(), identity.storeId(), identity.terminalId(), open.id(), documents.nextReceiptNo(),
          draft.cashierId(), now, draft.lines(), total, draft.payments(), draft.loyalty());
    } catch (IllegalArgumentException e) {
      throw new DocumentRefusedException("This sale cannot be completed: " + e.getMessage());
    }
    requireEntriesOf(sale.id(), draft.entries());
    return new CommittedSale(sale, documents.commit(sale, now, draft.entries()));
  }

  public Optional<Sale> sale(UUID id) {
    return Optional.ofNullable(store.sale(id));
  }

  public Optional<Sale> saleByReceipt(long receiptNo) {
    UUID id = store.saleIdOfReceipt(receiptNo);
    return id == null ? Optional.empty() : sale(id);
  }

  /** Cancels a sale of the open shift, with a manager's authority; returns the void as recorded. */
  public synchronized SaleVoid voidSale(VoidRequest request) {
    requireWriter();
    ShiftRow open = requireShift();
    Sale sale = store.sale(request.saleId());
    if (sale == null) {
      throw new DocumentRefusedException("There is no sale " + request.saleId() + " on this till.");
    }
    if (!sale.shiftId().equals(open.id())) {
      throw new DocumentRefusedException("Receipt " + sale.receiptNo() + " belongs to a closed shift: make a return instead.");
    }
    if (store.isVoided(sale.id())) {
      throw new DocumentRefusedException("Receipt " + sale.receiptNo() + " is already voided.");
    }
    Instant now = clock.instant();
    SaleVoid saleVoid = new SaleVoid(UuidV7.next(), sale.id(), identity.storeId(), identity.terminalId(), open.id(),
        request.cashierId(), request.approvedBy(), now, request.reason());
    documents.commit(saleVoid, now, request.entries());
    return saleVoid;
  }

  /** Records a return against a sale (of this till or, when not found here, of another one). */
  public synchronized SaleReturn returnSale(ReturnDraft draft) {
    requireWriter();
    ShiftRow open = requireShift();
    Sale original = store.sale(draft.originalSaleId());
    if (original != null) {
      ReturnRules.check(original, store.isVoided(original.id()), store.returnedQuantities(original.id()), draft.lines());
    }
    Instant now = clock.instant();
    SaleReturn saleReturn;
    try {
      Money total = Money.zero(currency);
      for (var line : draft.lines()) {
        total = total.plus(line.refund());
      }
      saleReturn = new SaleReturn(draft.returnId(), draft.originalSaleId(), identity.storeId(), identity.terminalId(),
          open.id(), documents.nextReceiptNo(), draft.cashierId(), draft.approvedBy(), now, draft.lines(), total,
          draft.refunds(), draft.cardNumber(), draft.pointsReversed(), draft.pointsRestored(), draft.reason());
    } catch (IllegalArgumentException e) {
      throw new DocumentRefusedException("This return cannot be recorded: " + e.getMessage());
    }
    documents.commit(saleReturn, now, draft.entries());
    return saleReturn;
  }

  public synchronized void recordOverride(ManagerOverride override) {
    requireWriter();
    store.recordOverride(UuidV7.next(), shift == null ? null : shift.id(), override.action(), override.cashierId(),
        override.approvedBy(), override.saleId(), override.reason(), clock.instant());
  }

  /** Every override recorded, oldest first, as readable lines. */
  public List<String> overrides() {
    return store.overrides();
  }

  private void requireEntriesOf(UUID saleId, List<LedgerEntry> entries) {
    for (LedgerEntry entry : entries) {
      if (!saleId.equals(entry.saleId())) {
        throw new DocumentRefusedException("A points entry belongs to another sale (" + entry.saleId() + ").");
      }
    }
  }

  // ---- shifts --------------------------------------------------------------------------------

  public synchronized Optional<ShiftReport> currentShift() {
    return shift == null ? Optional.empty() : Optional.of(report(shift, 0, null));
  }

  public synchronized ShiftOpened openShift(String cashierId, Money openingFloat) {
    requireWriter();
    if (shift != null) {
      throw new ShiftAlreadyOpenException(shift.openedBy());
    }
    Instant now = clock.instant();
    ShiftOpened opened = new ShiftOpened(UuidV7.next(), identity.storeId(), identity.terminalId(), cashierId,
        openingFloat, now);
    store.openShift(opened, documents.event(now, null, opened));
    shift = store.currentShift(currency);
    return opened;
  }

  /** Cash put into ({@code amount > 0}) or taken out of the drawer outside a sale. */
  public synchronized CashMovement moveCash(String cashierId, Money amount, String reason) {
    requireWriter();
    ShiftRow open = requireShift();
    Instant now = clock.instant();
    CashMovement movement = new CashMovement(UuidV7.next(), open.id(), identity.storeId(), identity.terminalId(),
        cashierId, amount, reason, now);
    store.recordCashMovement(movement, documents.event(now, null, movement));
    return movement;
  }

  /** The X report: the open shift's counters so far; changes nothing. */
  public synchronized ShiftReport xReport() {
    return report(requireShift(), 0, null);
  }

  /** The Z report: closes the shift with its final counters and takes a backup of the ledger. */
  public synchronized ShiftReport closeShift(String closedBy) {
    requireWriter();
    ShiftRow open = requireShift();
    Instant now = clock.instant();
    ShiftReport z = report(open, store.terminal().lastZNo() + 1, now);
    ShiftTotals totals = z.totals();
    long zNo = store.terminal().lastZNo() + 1;
    ShiftClosed closed = new ShiftClosed(open.id(), identity.storeId(), identity.terminalId(), closedBy, zNo, now, totals);
    store.closeShift(closed, documents.event(now, null, closed));
    shift = null;
    try {
      backup();
    } catch (RuntimeException e) {
      log.warn("backup after Z report {} failed; the shift is closed all the same", zNo, e);
    }
    return z;
  }

  private ShiftReport report(ShiftRow row, long zNo, Instant closedAt) {
    List<VatTotal> vat = new ArrayList<>();
    for (VatGross gross : store.vatGross(row)) {
      vat.add(VatTotal.of(gross.vatCode(), gross.basisPoints(), Money.ofMinor(gross.grossMinor(), currency)));
    }
    return new ShiftReport(row.id(), row.openedBy(), row.openedAt(), row.openingFloat(), zNo, closedAt,
        store.totals(row, currency), vat);
  }

  private ShiftRow requireShift() {
    if (shift == null) {
      throw new NoOpenShiftException();
    }
    return shift;
  }

  // ---- integrity, balances, maintenance -------------------------------------------------------

  /** Recomputes the journal from the stored documents; see {@link VerifyReport}. */
  public VerifyReport verify() {
    return LedgerVerifier.verify(store);
  }

  /** {@code PRAGMA integrity_check} of the file: ["ok"] when sound. */
  public List<String> integrityCheck() {
    return store.integrityCheck();
  }

  /** Points the engine may count on offline: last server-confirmed balance + this till's unconfirmed entries. */
  public long offlineBalance(String cardNumber) {
    return store.offlineBalance(requireNonNull(cardNumber, "cardNumber == null"));
  }

  /** The card's last confirmed balance and this till's unconfirmed earning and spending on it. */
  public CardPosition cardPosition(String cardNumber) {
    return store.cardPosition(requireNonNull(cardNumber, "cardNumber == null"));
  }

  /** Copies the ledger into {@code dataDir/backups} (online backup API), keeping the newest few. */
  public Path backup() {
    return LedgerBackups.take(store, config.dataDir(), clock.instant(), config.backupsKept());
  }

  /**
   * Backs the ledger up every {@code interval} on a background thread, until {@link #close}. The
   * copy is read from one snapshot of the file and does not hold the writer: sales go on meanwhile.
   * A failed backup is logged and retried at the next interval.
   */
  public synchronized void backUpEvery(Duration interval) {
    if (backups != null) {
      backups.shutdownNow();
    }
    backups = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kassa-ledger-backup");
      t.setDaemon(true);
      return t;
    });
    backups.scheduleWithFixedDelay(() -> {
      try {
        backup();
      } catch (RuntimeException e) {
        log.warn("periodic ledger backup failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Changes the size cap (0 lifts it): how selling resumes once space has been freed. */
  public void limitSize(long maxBytes) {
    store.limitSize(maxBytes);
  }

  /**
   * After a restore from backup: continues receipt numbers after {@code lastReceiptNo} (the
   * highest the server holds from this till), recording the skipped ones so verify explains them.
   */
  public synchronized void skipReceiptsTo(long lastIssuedReceiptNo, String reason) {
    requireWriter();
    store.skipReceiptsTo(lastIssuedReceiptNo, reason, clock.instant());
    documents.skipReceiptsTo(lastIssuedReceiptNo);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (backups != null) {
        backups.shutdownNow();
        try {
          backups.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    store.close();
    if (lock != null) {
      lock.close();
    }
  }
}
