package dev.kassa.pos.ledger;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kassa pos restore}: puts the newest good backup in place of a damaged ledger, keeping the damaged file. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore the terminal ledger from its newest good backup; the damaged file is kept.")
public final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", description = "Terminal data directory.",
      defaultValue = "${env:KASSA_POS_DATA_DIR:-data/pos}")
  Path dataDir;

  @Option(names = "--force", description = "Restore even though the current file is not damaged (loses later sales).")
  boolean force;

  @Option(names = "--server-last-receipt", paramLabel = "N",
      description = "The highest receipt number of this till the server holds: numbering continues after it.")
  Long serverLastReceipt;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      LedgerRecovery.Restored restored = LedgerRecovery.restoreLatestBackup(dataDir, force);
      if (restored.keptAs() != null) {
        out.println("damaged file kept as " + restored.keptAs());
      }
      out.println("restored " + restored.backup() + ": receipts up to " + restored.lastReceiptNo()
          + ", journal link " + restored.chainHead().seq());
      if (serverLastReceipt != null && serverLastReceipt > restored.lastReceiptNo()) {
        TerminalIdentity identity;
        try (TerminalLedger reader = TerminalLedger.openExisting(dataDir)) {
          identity = reader.identity();
        }
        try (TerminalLedger ledger = TerminalLedger.open(LedgerConfig.of(dataDir, identity))) {
          ledger.skipReceiptsTo(serverLastReceipt, "restored from " + restored.backup().getFileName()
              + "; receipts " + (restored.lastReceiptNo() + 1) + ".." + serverLastReceipt + " are on the server");
        }
        out.println("receipt numbers continue after " + serverLastReceipt + " (the server's last one)");
      }
      out.println("sales after that backup that reached the server are safe there; the next sync reports the"
          + " journal gap to the office");
      return 0;
    } catch (IllegalStateException | LedgerException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }
}
