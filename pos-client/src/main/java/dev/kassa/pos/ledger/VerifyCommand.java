package dev.kassa.pos.ledger;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kassa pos verify}: checks the file (SQLite integrity) and the tamper-evident journal, and
 * names every sale that was changed, deleted, inserted or moved. Exit 0 when all is well, 1 when
 * the journal shows tampering, 2 when the file cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check the terminal ledger's integrity and its tamper-evident journal.")
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", description = "Terminal data directory.",
      defaultValue = "${env:KASSA_POS_DATA_DIR:-data/pos}")
  Path dataDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TerminalLedger ledger = TerminalLedger.openExisting(dataDir)) {
      var integrity = ledger.integrityCheck();
      if (!integrity.equals(java.util.List.of("ok"))) {
        err.println("file damaged: " + String.join("; ", integrity));
        return 2;
      }
      VerifyReport report = ledger.verify();
      out.println(report.summary());
      return report.ok() ? 0 : 1;
    } catch (LedgerException e) {
      err.println(e.getMessage());
      return 2;
    }
  }
}
