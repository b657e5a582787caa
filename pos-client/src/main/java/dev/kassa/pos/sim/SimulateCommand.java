package dev.kassa.pos.sim;

import dev.kassa.pos.sync.HttpsCommandOptions;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncHttp;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.terminal.NotEnrolledException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kassa simulate}: N headless terminals selling M times each against a real server, then
 * syncing to the end. Prints per terminal the sales made and still unsynced, and the server's own
 * count per terminal, so anyone can see the two agree. The terminals keep selling while the server
 * is unreachable; what they could not push shows as unsynced. Exit 0 when every terminal synced
 * everything and the server holds exactly the sales made, 1 otherwise (also when the server could
 * not be asked at the end), 2 on bad options or when the admin API or the first sync fails.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
    description = "Run headless terminals making random sales against a server, and compare with its counts.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--server", required = true, description = "Sync server URL.")
  String server;

  @Option(names = "--data-dir", required = true, description = "Directory for the terminals' data (one folder each).")
  Path dataDir;

  @Option(names = "--terminals", defaultValue = "3", description = "Number of terminals (default ${DEFAULT-VALUE}).")
  int terminals;

  @Option(names = "--sales", defaultValue = "100", description = "Sales per terminal (default ${DEFAULT-VALUE}).")
  int sales;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--admin-user",
      description = "Office user that may create terminals (or env KASSA_ADMIN_USER).")
  String adminUser;

  @Option(names = "--admin-password",
      description = "Its password (or env KASSA_ADMIN_PASSWORD; the environment keeps it out of the process list).")
  String adminPassword;

  @Option(names = "--sync-timeout", defaultValue = "PT5M", description = "How long to wait for the final sync.")
  Duration syncTimeout;

  @Mixin HttpsCommandOptions https = new HttpsCommandOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (adminUser == null || adminPassword == null) {
      err.println("admin credentials needed: --admin-user/--admin-password or KASSA_ADMIN_USER/KASSA_ADMIN_PASSWORD");
      return 2;
    }
    if (terminals <= 0 || sales < 0) {
      err.println("--terminals must be at least 1 and --sales 0 or more");
      return 2;
    }
    HttpsOptions trust;
    AdminClient admin;
    try {
      trust = https.toOptions();
      HttpUrl base = HttpUrl.get(server);
      admin = AdminClient.login(SyncHttp.client(base, trust), base, adminUser, adminPassword);
    } catch (AdminClient.AdminException | IllegalArgumentException e) {
      err.println("cannot log in to the admin API: " + e.getMessage());
      return 2;
    }
    SyncSettings sync = SyncSettings.defaults().withTiming(Duration.ofSeconds(1), Duration.ofMillis(200),
        Duration.ofSeconds(5));
    Simulation.Setup setup = new Simulation.Setup(server, trust, dataDir, terminals, seed, sync,
        i -> Clock.systemUTC());
    Simulation running;
    try {
      running = Simulation.start(setup, admin, Duration.ofMinutes(2));
    } catch (AdminClient.AdminException | NotEnrolledException | IllegalStateException e) {
      err.println("cannot start the terminals: " + e.getMessage());
      return 2;
    }
    try (Simulation simulation = running) {
      long started = System.nanoTime();
      List<TerminalReport> made = simulation.sell(sales);
      out.printf("sold in %.1f s%n", (System.nanoTime() - started) / 1e9);
      made.forEach(r -> out.println(r.line()));
      boolean synced = simulation.finish(syncTimeout);
      List<TerminalReport> after = simulation.reports();
      out.println(synced ? "after the final sync:" : "final sync did not complete within " + syncTimeout + ":");
      Map<String, Long> held;
      try {
        held = admin.salesPerTerminal();
      } catch (AdminClient.AdminException e) {
        after.forEach(r -> out.println(r.line()));
        out.println("cannot ask the server what it holds: " + e.getMessage());
        return 1;
      }
      boolean agree = synced;
      for (TerminalReport r : after) {
        long onServer = held.getOrDefault(r.terminalId(), 0L);
        agree &= onServer == r.salesMade() && r.salesUnsynced() == 0;
        out.println(r.line() + String.format("  server holds %6d", onServer));
      }
      out.println(agree ? "server and terminals agree" : "MISMATCH between server and terminals");
      return agree ? 0 : 1;
    }
  }
}
