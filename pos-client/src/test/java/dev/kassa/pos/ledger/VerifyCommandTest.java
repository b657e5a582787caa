package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.PosMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();

  @BeforeEach
  void threeSales() {
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      ledger.openShift("cashier-1", rub(0));
      for (int i = 0; i < 3; i++) {
        ledger.completeSale(Sales.cash(2));
      }
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PosMain());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void saysOkForAnIntactLedger() {
    assertThat(run("verify", "--data-dir", dir.toString())).isZero();
    assertThat(out.toString()).contains("journal OK: 3 links, 3 documents");
  }

  @Test
  void namesTheSaleWhoseAmountWasEditedAndFails() throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db")); var st = c.createStatement()) {
      st.executeUpdate("UPDATE sale_payments SET tendered = tendered + 100000"
          + " WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = 2)");
    }

    assertThat(run("verify", "--data-dir", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("CHANGED: sale receipt 2 was changed");
  }

  @Test
  void aMissingLedgerIsAClearError() {
    assertThat(run("verify", "--data-dir", dir.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(out.toString()).contains("no ledger at");
  }
}
