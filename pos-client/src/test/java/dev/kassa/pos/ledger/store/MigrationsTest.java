package dev.kassa.pos.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.ledger.Sales;
import dev.kassa.pos.ledger.TerminalLedger;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  @Test
  void latestVersionIsTheHighestMigrationShipped() throws IOException, URISyntaxException {
    Path folder = Path.of(Migrations.class.getResource("/db/terminal").toURI());
    int highest;
    try (Stream<Path> files = Files.list(folder)) {
      highest = files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .max().orElseThrow();
    }
    assertThat(Migrations.LATEST_VERSION).isEqualTo(highest);
  }

  @Test
  void aVersionOneLedgerIsUpgradedInPlaceWithItsSales() throws Exception {
    Path file = dir.resolve("ledger.db");
    Migrations.migrateTo(file, 1);
    try (var db = SqliteFiles.connect(file); var st = db.createStatement()) {
      st.execute("INSERT INTO terminal (id, store_id, terminal_id, currency, last_receipt_no) VALUES (1, 'store-1', 'till-1', 'RUB', 0)");
      assertThat(Migrations.installedVersion(db)).isEqualTo(1);
    }
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      ledger.openShift("cashier-1", Sales.rub(0));
      ledger.completeSale(Sales.cash(2));
    }
    try (var db = SqliteFiles.connect(file); var st = db.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM known_receipt_gaps")) {
      assertThat(Migrations.installedVersion(db)).isEqualTo(Migrations.LATEST_VERSION);
      assertThat(rs.next()).isTrue();
    }
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      assertThat(ledger.lastReceiptNo()).isEqualTo(1);
      assertThat(ledger.verify().ok()).isTrue();
    }
  }
}
