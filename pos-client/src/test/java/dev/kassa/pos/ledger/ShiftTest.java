package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftTotals;
import dev.kassa.model.sync.SyncEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftTest {
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

  @Test
  void xReportCountsSalesPaymentsAndCashMovementsOfTheOpenShift() {
    ledger.openShift("cashier-1", rub(500_00));
    var cash = ledger.completeSale(Sales.cash(2)).sale();
    var card = ledger.completeSale(Sales.withPoints(3, 10, ledger.hybridClock())).sale();
    ledger.moveCash("cashier-1", rub(100_00), "change from the safe");
    ledger.moveCash("manager-1", rub(-300_00), "collection");
    ledger.returnSale(TerminalLedgerTest.returnOf(cash, 1));

    ShiftTotals x = ledger.xReport().totals();

    var refund = cash.lines().get(0).unitPrice();
    assertThat(x.salesCount()).isEqualTo(2);
    assertThat(x.salesTotal()).isEqualTo(cash.total().plus(card.total()));
    assertThat(x.cashSales()).isEqualTo(cash.total());
    assertThat(x.cardSales()).isEqualTo(card.total());
    assertThat(x.returnsCount()).isEqualTo(1);
    assertThat(x.returnsTotal()).isEqualTo(refund);
    assertThat(x.cashIn()).isEqualTo(rub(100_00));
    assertThat(x.cashOut()).isEqualTo(rub(300_00));
    assertThat(x.cashExpected()).isEqualTo(rub(500_00 + 100_00 - 300_00).plus(cash.total()).minus(refund));
    assertThat(ledger.xReport().isZ()).isFalse();
  }

  @Test
  void zReportClosesTheShiftNumbersItAndResetsTheCounters() {
    ledger.openShift("cashier-1", rub(0));
    ledger.completeSale(Sales.cash(1));
    ShiftReport z1 = ledger.closeShift("manager-1");
    ledger.openShift("cashier-2", rub(0));
    ShiftReport x = ledger.xReport();
    ShiftReport z2 = ledger.closeShift("manager-1");

    assertThat(z1.zNumber()).isEqualTo(1);
    assertThat(z1.totals().salesCount()).isEqualTo(1);
    assertThat(x.totals().salesCount()).isZero();
    assertThat(z2.zNumber()).isEqualTo(2);
    assertThat(ledger.currentShift()).isEmpty();
    assertThatThrownBy(() -> ledger.completeSale(Sales.cash(1))).isInstanceOf(NoOpenShiftException.class);
    assertThat(ledger.outbox().pending(100, 1 << 20)).map(SyncEvent::payload)
        .filteredOn(ShiftClosed.class::isInstance).hasSize(2);
  }

  @Test
  void zReportTakesABackup() throws Exception {
    ledger.openShift("cashier-1", rub(0));
    ledger.closeShift("manager-1");

    assertThat(LedgerBackups.list(dir)).hasSize(1);
  }

  @Test
  void periodicBackupsKeepTheNewestFew() throws Exception {
    ledger.backUpEvery(java.time.Duration.ofMillis(50));

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> LedgerBackups.list(dir).size() == 3);
    ledger.close();
    ledger = TerminalLedger.open(Sales.config(dir));
    assertThat(LedgerBackups.list(dir)).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void reportsSplitTheTakingsByVatRateLessReturns() {
    ledger.openShift("cashier-1", rub(0));
    var food = new dev.kassa.model.sale.SaleLine(1, "milk", null, "Молоко", "dairy",
        dev.kassa.model.sale.Quantity.pieces(2), rub(110_00), rub(220_00), rub(0), "VAT10", 1000, 0, null);
    var tools = new dev.kassa.model.sale.SaleLine(2, "knife", null, "Нож", "home",
        dev.kassa.model.sale.Quantity.pieces(1), rub(1220_00), rub(1220_00), rub(0), "VAT22", 2200, 0, null);
    var total = rub(1440_00);
    var sale = ledger.completeSale(new SaleDraft(dev.kassa.model.id.UuidV7.next(), "cashier-1",
        java.util.List.of(food, tools), java.util.List.of(dev.kassa.model.sale.Payment.cash(total, total)), null, null)).sale();
    ledger.returnSale(TerminalLedgerTest.returnOf(sale, 1));

    assertThat(ledger.xReport().vat()).containsExactly(
        new VatTotal("VAT10", 1000, rub(110_00), rub(10_00)),
        new VatTotal("VAT22", 2200, rub(1220_00), rub(220_00)));
    assertThat(ledger.closeShift("manager-1").vat()).hasSize(2);
  }

  @Test
  void onlyOneShiftIsOpenAtATimeAndItSurvivesARestart() {
    ledger.openShift("cashier-1", rub(0));
    ledger.close();
    ledger = TerminalLedger.open(Sales.config(dir));

    assertThat(ledger.currentShift()).get().extracting(ShiftReport::openedBy).isEqualTo("cashier-1");
    assertThatThrownBy(() -> ledger.openShift("cashier-2", rub(0)))
        .isInstanceOf(ShiftAlreadyOpenException.class).hasMessageContaining("cashier-1");
  }

  @Test
  void cashMovementNeedsAnOpenShift() {
    assertThatThrownBy(() -> ledger.moveCash("cashier-1", rub(100), "float"))
        .isInstanceOf(NoOpenShiftException.class);
  }
}
