package dev.kassa.pos;

import dev.kassa.model.demo.DemoData;
import dev.kassa.pos.device.demo.DevicesCommand;
import dev.kassa.pos.ledger.LedgerException;
import dev.kassa.pos.ledger.RestoreCommand;
import dev.kassa.pos.ledger.VerifyCommand;
import dev.kassa.pos.sim.SimulateCommand;
import dev.kassa.pos.sync.HttpsCommandOptions;
import dev.kassa.pos.terminal.NotEnrolledException;
import dev.kassa.pos.terminal.StatusCommand;
import dev.kassa.pos.terminal.TerminalConfig;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Entry point of the cashier app. Kept free of JavaFX so that it can start from a plain class path
 * (a JavaFX {@code Application} as main class needs the JavaFX modules on the module path) and so
 * that the headless subcommands never load the toolkit.
 */
@Command(
    name = "kassa pos",
    mixinStandardHelpOptions = true,
    subcommands = {VerifyCommand.class, RestoreCommand.class, DevicesCommand.class, StatusCommand.class,
        SimulateCommand.class},
    description = "Kassa cashier app. Without a subcommand it opens the cashier window.")
public final class PosMain implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", description = "Terminal data directory (ledger, settings, logs).",
      defaultValue = "${env:KASSA_POS_DATA_DIR:-data/pos}")
  Path dataDir;

  @Option(names = "--server", description = "Sync server URL.",
      defaultValue = "${env:KASSA_SERVER_URL:-http://localhost:8080}")
  String serverUrl;

  @Option(names = "--enrollment-code", description = "One-time code from the office, needed on the first start.",
      defaultValue = "${env:KASSA_ENROLLMENT_CODE}")
  String enrollmentCode;

  @Option(names = "--demo", description = "Enrol with the demo server's terminal code on first start.")
  boolean demo;

  @Mixin HttpsCommandOptions https = new HttpsCommandOptions();

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new PosMain()).execute(args);
  }

  @Override
  public Integer call() {
    PosLogging.useDataDir(dataDir);
    String code = demo && enrollmentCode == null
        ? DemoData.standard().terminals().terminals().get(0).enrollmentCode() : enrollmentCode;
    try (TerminalRuntime runtime = TerminalRuntime.start(TerminalConfig.of(dataDir, serverUrl, code)
        .withHttps(https.toOptions()))) {
      KassaApp.launch(new PosOptions(dataDir, serverUrl, demo), runtime);
      return 0;
    } catch (NotEnrolledException | LedgerException | IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
  }
}
