package dev.kassa.pos;

import dev.kassa.pos.device.demo.DevicesCommand;
import dev.kassa.pos.ledger.RestoreCommand;
import dev.kassa.pos.ledger.VerifyCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the cashier app. Kept free of JavaFX so that it can start from a plain class path
 * (a JavaFX {@code Application} as main class needs the JavaFX modules on the module path) and so
 * that the headless subcommands never load the toolkit.
 */
@Command(
    name = "kassa pos",
    mixinStandardHelpOptions = true,
    subcommands = {VerifyCommand.class, RestoreCommand.class, DevicesCommand.class},
    description = "Kassa cashier app. Without a subcommand it opens the cashier window.")
public final class PosMain implements Callable<Integer> {

  @Option(names = "--data-dir", description = "Terminal data directory (ledger, settings, logs).",
      defaultValue = "${env:KASSA_POS_DATA_DIR:-data/pos}")
  Path dataDir;

  @Option(names = "--server", description = "Sync server URL.",
      defaultValue = "${env:KASSA_SERVER_URL:-http://localhost:8080}")
  String serverUrl;

  @Option(names = "--demo", description = "Enrol with the demo server's terminal code on first start.")
  boolean demo;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new PosMain()).execute(args);
  }

  @Override
  public Integer call() {
    PosLogging.useDataDir(dataDir);
    KassaApp.launch(new PosOptions(dataDir, serverUrl, demo));
    return 0;
  }
}
