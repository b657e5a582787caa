package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.id.UuidV7;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.sync.SyncEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalLedgerTest {
  @TempDir Path dir;
  TerminalLedger ledger;

  @BeforeEach
  void open() {
    ledger = TerminalLedger.open(Sales.config(dir));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  private TerminalLedger reopen() {
    ledger.close();
    ledger = TerminalLedger.open(Sales.config(dir));
    return ledger;
  }

  @Test
  void refusesToSellWithoutAnOpenShift() {
    assertThatThrownBy(() -> ledger.completeSale(Sales.cash(2)))
        .isInstanceOf(NoOpenShiftException.class)
        .extracting(e -> ((LedgerException) e).cashierMessage()).asString().contains("Open a shift");
    assertThat(ledger.lastReceiptNo()).isZero();
  }

  @Test
  void committedSaleReadsBackEqualAfterReopening() {
    ledger.openShift("cashier-1", rub(100_000));
    SaleDraft draft = Sales.withPoints(5, 120, ledger.hybridClock());
    CommittedSale committed = ledger.completeSale(draft);

    Sale stored = reopen().sale(draft.saleId()).orElseThrow();
    assertThat(stored).isEqualTo(committed.sale());
    assertThat(stored.receiptNo()).isEqualTo(1);
    assertThat(committed.link().seq()).isEqualTo(1);
    assertThat(committed.link().previousHash()).isEmpty();
  }

  @Test
  void receiptNumbersRunOnWithoutGapsAcrossSalesReturnsAndRestarts() {
    ledger.openShift("cashier-1", rub(0));
    Sale first = ledger.completeSale(Sales.cash(1)).sale();
    reopen();
    ledger.completeSale(Sales.cash(2));
    SaleReturn back = ledger.returnSale(returnOf(first, 1));
    Sale fourth = ledger.completeSale(Sales.cash(1)).sale();

    assertThat(back.receiptNo()).isEqualTo(3);
    assertThat(fourth.receiptNo()).isEqualTo(4);
    assertThat(ledger.verify().ok()).isTrue();
  }

  @Test
  void saleWritesOneOutboxEventPerDocumentAndEntryWithTheJournalLink() {
    ledger.openShift("cashier-1", rub(0));
    long before = ledger.outbox().pendingCount();
    CommittedSale committed = ledger.completeSale(Sales.withPoints(3, 50, ledger.hybridClock()));

    List<SyncEvent> events = ledger.outbox().pending(100, 1 << 20);
    assertThat(events).hasSize((int) before + 2);
    SyncEvent saleEvent = events.get(events.size() - 2);
    assertThat(saleEvent.payload()).isEqualTo(committed.sale());
    assertThat(saleEvent.journal()).isEqualTo(committed.link());
    SyncEvent entryEvent = events.get(events.size() - 1);
    assertThat(entryEvent.payload()).isInstanceOf(LedgerEntry.class);
    // the entry's own id, times, store and terminal: the server keeps it once, as its ledger row
    LedgerEntry entry = (LedgerEntry) entryEvent.payload();
    assertThat(entryEvent.id()).isEqualTo(entry.id());
    assertThat(entryEvent.hlc()).isEqualTo(entry.hlc());
    assertThat(entryEvent.terminalTime()).isEqualTo(entry.at());
    assertThat(entryEvent.storeId()).isEqualTo(entry.storeId());
    assertThat(entryEvent.terminalId()).isEqualTo(entry.terminalId());
    assertThat(entryEvent.journal()).isNull();
    assertThat(ledger.outbox().chainHead().seq()).isEqualTo(1);
    assertThat(ledger.outbox().chainHead().hash()).isEqualTo(committed.link().hash());
    assertThat(ledger.outbox().oldestPendingSale()).isEqualTo(committed.sale().createdAt());
  }

  @Test
  void basketSurvivesAReopenAndIsEmptiedByTheSale() {
    ledger.openShift("cashier-1", rub(0));
    ledger.basket().put(Sales.line(1, 1000, 1));
    ledger.basket().put(Sales.line(2, 2000, 1));
    ledger.basket().put(Sales.line(2, 2000, 3));
    ledger.basket().remove(1);

    assertThat(reopen().basket().lines()).containsExactly(Sales.line(2, 2000, 3));
    ledger.completeSale(Sales.cash(1));
    assertThat(ledger.basket().lines()).isEmpty();
  }

  @Test
  void voidNeedsASaleOfTheOpenShiftAndHappensOnce() {
    ledger.openShift("cashier-1", rub(0));
    SaleDraft draft = Sales.withPoints(2, 40, ledger.hybridClock());
    Sale sale = ledger.completeSale(draft).sale();
    LedgerEntry reverse = new LedgerEntry(UuidV7.next(), Sales.CARD, EntryType.REVERSE, -40, Instant.now(),
        ledger.hybridClock().now(), "store-1", "till-1", sale.id(), draft.entries().get(0).id(), null, null);

    SaleVoid saleVoid = ledger.voidSale(new VoidRequest(sale.id(), "cashier-1", "manager-1", "wrong card", List.of(reverse)));

    assertThat(saleVoid.approvedBy()).isEqualTo("manager-1");
    assertThat(ledger.xReport().totals().voidsCount()).isEqualTo(1);
    assertThat(ledger.xReport().totals().salesCount()).isZero();
    assertThat(ledger.offlineBalance(Sales.CARD)).isZero();
    assertThatThrownBy(() -> ledger.voidSale(new VoidRequest(sale.id(), "cashier-1", "manager-1", "again", null)))
        .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("already voided");
    ledger.closeShift("manager-1");
    ledger.openShift("cashier-1", rub(0));
    Sale old = ledger.completeSale(Sales.cash(1)).sale();
    ledger.closeShift("manager-1");
    ledger.openShift("cashier-1", rub(0));
    assertThatThrownBy(() -> ledger.voidSale(new VoidRequest(old.id(), "cashier-1", "manager-1", "late", null)))
        .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("make a return");
  }

  @Test
  void returnCannotTakeBackMoreThanWasSold() {
    ledger.openShift("cashier-1", rub(0));
    Sale sale = ledger.completeSale(Sales.cash(2)).sale();
    long sold = sale.lines().get(0).quantity().value();
    ledger.returnSale(returnOf(sale, sold));

    assertThatThrownBy(() -> ledger.returnSale(returnOf(sale, 1)))
        .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("would be returned");
    assertThat(ledger.lastReceiptNo()).isEqualTo(2);
  }

  @Test
  void returnReversesPointsThroughTheEntriesGiven() {
    ledger.openShift("cashier-1", rub(0));
    SaleDraft draft = Sales.withPoints(1, 100, ledger.hybridClock());
    Sale sale = ledger.completeSale(draft).sale();
    LedgerEntry reverse = new LedgerEntry(UuidV7.next(), Sales.CARD, EntryType.REVERSE, -100, Instant.now(),
        ledger.hybridClock().now(), "store-1", "till-1", null, draft.entries().get(0).id(), null, null);
    ReturnDraft base = returnOf(sale, 1);
    ReturnDraft withPoints = new ReturnDraft(base.returnId(), sale.id(), "cashier-1", "manager-1", base.lines(),
        base.refunds(), Sales.CARD, 100, 0, "faulty", List.of(reverse));

    ledger.returnSale(withPoints);

    assertThat(ledger.offlineBalance(Sales.CARD)).isZero();
  }

  @Test
  void managerOverridesAreRecordedWithBothNames() {
    ledger.openShift("cashier-1", rub(0));
    ledger.recordOverride(new ManagerOverride("price-change", "cashier-1", "manager-1", null, "damaged pack"));

    assertThat(reopen().overrides()).containsExactly("price-change by cashier-1 approved by manager-1: damaged pack");
  }

  @Test
  void paymentsThatDoNotCoverTheTotalAreRefusedWithoutUsingAReceiptNumber() {
    ledger.openShift("cashier-1", rub(0));
    SaleDraft good = Sales.cash(2);
    SaleDraft bad = new SaleDraft(good.saleId(), "cashier-1", good.lines(), List.of(Payment.cash(rub(1), rub(1))),
        null, null);

    assertThatThrownBy(() -> ledger.completeSale(bad)).isInstanceOf(DocumentRefusedException.class)
        .hasMessageContaining("payments");
    assertThat(ledger.completeSale(Sales.cash(1)).receiptNo()).isEqualTo(1);
  }

  @Test
  void aLedgerIsNeverReusedForAnotherTerminal() {
    ledger.close();
    var other = new TerminalIdentity("store-1", "till-2", Currency.getInstance("RUB"));
    assertThatThrownBy(() -> TerminalLedger.open(LedgerConfig.of(dir, other)))
        .isInstanceOf(WrongTerminalException.class);
    ledger = TerminalLedger.open(Sales.config(dir));
  }

  @Test
  void aSecondWriterOnTheSameDataDirectoryIsRefusedUntilTheFirstCloses() {
    assertThatThrownBy(() -> TerminalLedger.open(Sales.config(dir)))
        .isInstanceOf(LedgerInUseException.class)
        .extracting(e -> ((LedgerException) e).cashierMessage()).asString().contains("already running");
    assertThatThrownBy(() -> LedgerRecovery.restoreLatestBackup(dir, true)).isInstanceOf(LedgerInUseException.class);

    ledger.close();
    ledger = TerminalLedger.open(Sales.config(dir));
  }

  @Test
  void aReadingHandleWorksBesideTheRunningTillButCannotWrite() {
    ledger.openShift("cashier-1", rub(0));
    ledger.completeSale(Sales.cash(1));

    try (TerminalLedger reader = TerminalLedger.openExisting(dir)) {
      assertThat(reader.isWriter()).isFalse();
      assertThat(reader.outbox().pendingCount()).isEqualTo(2);
      assertThat(reader.xReport().totals().salesCount()).isEqualTo(1);
      assertThat(reader.verify().ok()).isTrue();
      assertThatThrownBy(() -> reader.completeSale(Sales.cash(1))).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> reader.basket().put(Sales.line(1, 100, 1))).isInstanceOf(IllegalStateException.class);
    }
    assertThat(ledger.completeSale(Sales.cash(1)).receiptNo()).isEqualTo(2);
  }

  static ReturnDraft returnOf(Sale sale, long count) {
    var line = sale.lines().get(0);
    var refund = line.unitPrice().times(count);
    return new ReturnDraft(UuidV7.next(), sale.id(), "cashier-1", "manager-1",
        List.of(new ReturnLine(1, Quantity.pieces(count), refund, 0)), List.of(Payment.cash(refund, refund)),
        null, 0, 0, "customer changed mind", null);
  }
}
