package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.ledger.VerifyReport.Finding;
import dev.kassa.pos.ledger.VerifyReport.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering with the file by plain SQL, as someone with the file and a SQLite shell would. */
class JournalVerifyTest {
  @TempDir Path dir;

  @BeforeEach
  void fiveSales() {
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      ledger.openShift("cashier-1", rub(0));
      for (int i = 0; i < 5; i++) {
        ledger.completeSale(Sales.withPoints(3, 10 + i, ledger.hybridClock()));
      }
    }
  }

  private VerifyReport verify() {
    try (TerminalLedger ledger = TerminalLedger.openExisting(dir)) {
      return ledger.verify();
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.executeUpdate(s);
      }
    }
  }

  @Test
  void anUntouchedLedgerVerifies() {
    VerifyReport report = verify();
    assertThat(report.ok()).as(report.summary()).isTrue();
    assertThat(report.linksChecked()).isEqualTo(5);
  }

  @Test
  void editedLineAmountIsReportedAsThatSaleChanged() throws SQLException {
    sql("UPDATE sale_lines SET unit_price = unit_price - 100, amount = amount - 100 * qty_value,"
        + " discount = 0 WHERE line_no = 1 AND sale_id = (SELECT id FROM sales WHERE receipt_no = 3)",
        "UPDATE sales SET total = (SELECT sum(amount - discount) FROM sale_lines WHERE sale_id = sales.id) WHERE receipt_no = 3",
        "UPDATE sale_payments SET amount = (SELECT total FROM sales WHERE id = sale_id),"
            + " tendered = (SELECT total FROM sales WHERE id = sale_id) WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = 3)");

    VerifyReport report = verify();

    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.CHANGED);
      assertThat(f.receiptNo()).isEqualTo(3);
    });
    assertThat(report.summary()).contains("sale receipt 3 was changed");
  }

  @Test
  void aTotalEditedAloneIsStillReportedAsChanged() throws SQLException {
    sql("UPDATE sales SET total = total + 1 WHERE receipt_no = 2");

    assertThat(verify().findings()).extracting(Finding::kind, Finding::receiptNo).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.CHANGED, 2L));
  }

  @Test
  void deletedSaleIsReportedWithItsReceiptNumber() throws SQLException {
    String sale = "(SELECT id FROM sales WHERE receipt_no = 4)";
    sql("PRAGMA foreign_keys = OFF",
        "DELETE FROM sale_lines WHERE sale_id = " + sale, "DELETE FROM sale_payments WHERE sale_id = " + sale,
        "DELETE FROM sale_loyalty WHERE sale_id = " + sale, "DELETE FROM journal WHERE doc_id = " + sale,
        "DELETE FROM sales WHERE receipt_no = 4");

    VerifyReport report = verify();

    assertThat(report.findings()).extracting(Finding::kind).containsOnly(Kind.DELETED);
    assertThat(report.findings()).anySatisfy(f -> assertThat(f.receiptNo()).isEqualTo(4));
    assertThat(report.findings()).anySatisfy(f -> assertThat(f.message()).contains("journal links 4 are missing"));
  }

  @Test
  void insertedSaleIsReported() throws SQLException {
    String copyOf = "(SELECT id FROM sales WHERE receipt_no = 5)";
    sql("INSERT INTO sales SELECT '00000000-0000-7000-8000-000000000001', 6, shift_id, store_id, terminal_id,"
            + " cashier_id, created_at, currency, total, line_count, payment_count, synced_mark FROM sales WHERE receipt_no = 5",
        "INSERT INTO sale_lines SELECT '00000000-0000-7000-8000-000000000001', line_no, sku, barcode, name, category_id,"
            + " qty_value, qty_unit, unit_price, amount, discount, vat_code, vat_bp, points, flags FROM sale_lines WHERE sale_id = " + copyOf,
        "INSERT INTO sale_payments SELECT '00000000-0000-7000-8000-000000000001', seq, method, amount, tendered, reference"
            + " FROM sale_payments WHERE sale_id = " + copyOf);

    VerifyReport report = verify();

    assertThat(report.findings()).extracting(Finding::kind, Finding::receiptNo)
        .contains(org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, 6L));
  }

  @Test
  void swappedJournalPlacesAreReportedAsReordered() throws SQLException {
    sql("UPDATE journal SET seq = -2 WHERE seq = 2", "UPDATE journal SET seq = 2 WHERE seq = 3",
        "UPDATE journal SET seq = 3 WHERE seq = -2");

    VerifyReport report = verify();

    assertThat(report.findings()).extracting(Finding::kind).contains(Kind.REORDERED);
    assertThat(report.findings()).filteredOn(f -> f.kind() == Kind.REORDERED).extracting(Finding::receiptNo)
        .containsExactlyInAnyOrder(2L, 3L);
  }
}
