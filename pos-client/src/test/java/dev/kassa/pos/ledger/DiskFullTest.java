package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.sale.SaleLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, simulated with SQLite's own size cap ({@code PRAGMA max_page_count}): reaching it
 * fails the write with {@code SQLITE_FULL}, the same result code SQLite returns when the file
 * system answers ENOSPC, so the ledger takes the same path for both. (A real small file system
 * needs root to mount, which a build must not need.)
 */
class DiskFullTest {
  @TempDir Path dir;

  @Test
  void aSaleThatDoesNotFitIsRefusedWholeAndGoesThroughOnceSpaceReturns() throws Exception {
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      ledger.openShift("cashier-1", rub(0));
      for (int i = 0; i < 5; i++) {
        ledger.completeSale(Sales.withPoints(5, 10, ledger.hybridClock()));
      }
      ledger.limitSize(Files.size(dir.resolve("ledger.db")));

      DiskFullException full = null;
      SaleDraft refused = null;
      for (int attempt = 0; attempt < 10_000 && full == null; attempt++) {
        SaleDraft draft = Sales.withPoints(5, 10, ledger.hybridClock());
        try {
          for (SaleLine line : draft.lines()) {
            ledger.basket().put(line);
          }
          ledger.completeSale(draft);
        } catch (DiskFullException e) {
          full = e;
          refused = draft;
        }
      }

      assertThat(full).as("the cap was reached").isNotNull();
      assertThat(full.cashierMessage()).contains("storage is full", "NOT saved", "basket is kept");
      long receipts = ledger.lastReceiptNo();
      assertThat(ledger.sale(refused.saleId())).as("nothing of the refused sale").isEmpty();
      assertThat(ledger.saleByReceipt(receipts + 1)).isEmpty();
      assertThat(ledger.integrityCheck()).containsExactly("ok");
      assertThat(ledger.verify().ok()).as(ledger.verify().summary()).isTrue();

      ledger.limitSize(0);
      CommittedSale resumed = ledger.completeSale(refused);

      assertThat(resumed.receiptNo()).isEqualTo(receipts + 1);
      assertThat(ledger.basket().lines()).isEmpty();
      assertThat(ledger.verify().ok()).isTrue();
    }
    try (TerminalLedger reopened = TerminalLedger.open(Sales.config(dir))) {
      assertThat(reopened.verify().ok()).isTrue();
      assertThat(reopened.integrityCheck()).containsExactly("ok");
    }
  }

  @Test
  void aCapGivenAtOpenBehavesTheSame() {
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir).withMaxSize(64 * 1024))) {
      ledger.openShift("cashier-1", rub(0));
      DiskFullException full = null;
      for (int i = 0; i < 10_000 && full == null; i++) {
        try {
          ledger.completeSale(Sales.cash(5));
        } catch (DiskFullException e) {
          full = e;
        }
      }
      assertThat(full).isNotNull();
      assertThat(ledger.verify().ok()).isTrue();
    }
  }
}
