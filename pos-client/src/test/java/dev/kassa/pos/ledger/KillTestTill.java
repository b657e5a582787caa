package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The child process of {@link KillNineTest}: a till that sells as fast as it can against a real
 * ledger file and prints each receipt number only after {@code completeSale} returned, so every
 * printed number is a promise the ledger must keep after a kill -9. Fills the basket line by line
 * first (each line is its own transaction) and closes the shift every 40 receipts (a Z report with
 * a backup), so kills land in every kind of write.
 */
public final class KillTestTill {
  private KillTestTill() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    boolean once = args.length > 1 && args[1].equals("--once");
    PrintStream out = System.out;
    SplittableRandom random = new SplittableRandom();
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dataDir))) {
      ledger.basket().lines(); // a crash mid-basket must leave it readable
      if (ledger.currentShift().isEmpty()) {
        ledger.openShift("cashier-1", rub(0));
      }
      out.println("ready " + ledger.lastReceiptNo());
      out.flush();
      do {
        int lines = 1 + random.nextInt(5);
        for (int i = 1; i <= lines; i++) {
          ledger.basket().put(Sales.line(i, 1000 + i, 1 + i % 3));
        }
        SaleDraft draft = random.nextBoolean() ? Sales.cash(lines) : Sales.withPoints(lines, 1 + random.nextInt(100),
            ledger.hybridClock());
        CommittedSale sale = ledger.completeSale(draft);
        out.println(sale.receiptNo() + " " + sale.sale().id());
        out.flush();
        if (sale.receiptNo() % 40 == 0) {
          ledger.closeShift("manager-1");
          ledger.openShift("cashier-1", rub(0));
        }
      } while (!once);
    }
  }
}
