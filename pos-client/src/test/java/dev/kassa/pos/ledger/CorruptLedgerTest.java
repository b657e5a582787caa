package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptLedgerTest {
  @TempDir Path dir;

  /** 30 sales, a backup after the first 20. */
  private void sellWithABackupInBetween() {
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      ledger.openShift("cashier-1", rub(0));
      for (int i = 0; i < 20; i++) {
        ledger.completeSale(Sales.withPoints(4, 10, ledger.hybridClock()));
      }
      ledger.backup();
      for (int i = 0; i < 10; i++) {
        ledger.completeSale(Sales.withPoints(4, 10, ledger.hybridClock()));
      }
    }
  }

  private void damage(Path file) throws IOException {
    byte[] junk = new byte[8192];
    new Random(42).nextBytes(junk);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(4096 * 2);
      raf.write(junk);
    }
  }

  @Test
  void aDamagedFileIsRefusedWithRecoveryAdviceAndLeftAsItWas() throws IOException {
    sellWithABackupInBetween();
    Path file = dir.resolve("ledger.db");
    damage(file);
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> TerminalLedger.open(Sales.config(dir)))
        .isInstanceOfSatisfying(LedgerCorruptException.class, e -> {
          assertThat(e.cashierMessage()).contains("damaged", "selling is stopped", "kassa pos restore");
          assertThat(e.file()).isEqualTo(file);
        });
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedToo() throws IOException {
    Files.writeString(dir.resolve("ledger.db"), "this is not a database, but someone's notes");

    assertThatThrownBy(() -> TerminalLedger.open(Sales.config(dir))).isInstanceOf(LedgerCorruptException.class);
    assertThat(Files.readString(dir.resolve("ledger.db"))).startsWith("this is not");
  }

  @Test
  void restoreKeepsTheDamagedFileAndSellingContinuesAfterTheServersLastReceipt() throws IOException {
    sellWithABackupInBetween();
    Path file = dir.resolve("ledger.db");
    damage(file);
    byte[] damaged = Files.readAllBytes(file);

    LedgerRecovery.Restored restored = LedgerRecovery.restoreLatestBackup(dir, false);

    assertThat(Files.readAllBytes(restored.keptAs())).isEqualTo(damaged);
    assertThat(restored.lastReceiptNo()).isEqualTo(20);
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      assertThat(ledger.saleByReceipt(20)).isPresent();
      // the server reports the till's receipts up to 30 (they were synced before the damage)
      ledger.skipReceiptsTo(30, "restored from backup; receipts 21-30 are on the server");
      assertThat(ledger.completeSale(Sales.cash(1)).receiptNo()).isEqualTo(31);
      assertThat(ledger.verify().ok()).as(ledger.verify().summary()).isTrue();
    }
  }

  @Test
  void theRestoreCommandKeepsNumberingAfterTheServersLastReceipt() throws IOException {
    sellWithABackupInBetween();
    damage(dir.resolve("ledger.db"));
    var out = new java.io.StringWriter();
    var cli = new picocli.CommandLine(new dev.kassa.pos.PosMain());
    cli.setOut(new java.io.PrintWriter(out, true));

    int exit = cli.execute("restore", "--data-dir", dir.toString(), "--server-last-receipt", "30");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("damaged file kept as", "receipts up to 20", "continue after 30");
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      assertThat(ledger.lastReceiptNo()).isEqualTo(30);
      assertThat(ledger.verify().ok()).isTrue();
    }
  }

  @Test
  void restoreRefusesToReplaceASoundLedger() {
    sellWithABackupInBetween();

    assertThatThrownBy(() -> LedgerRecovery.restoreLatestBackup(dir, false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not damaged");
  }
}
