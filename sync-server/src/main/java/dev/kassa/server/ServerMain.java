package dev.kassa.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kassa server}: starts the sync server and blocks until it is stopped. */
@Command(name = "kassa server", mixinStandardHelpOptions = true,
    description = "Kassa central sync server.")
public final class ServerMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

  @Option(names = "--port", description = "HTTP port (0 picks a free one). Env: KASSA_PORT.",
      defaultValue = "${env:KASSA_PORT:-8080}")
  int port;

  @Option(names = "--data-dir", description = "Data directory. Env: KASSA_DATA_DIR.",
      defaultValue = "${env:KASSA_DATA_DIR:-data/server}")
  Path dataDir;

  @Option(names = "--demo", description = "Load the demo store, catalog, program, cards and staff"
      + " on first start (deterministic, fixed seed).")
  boolean demo;

  public static void main(String[] args) {
    int exit = new CommandLine(new ServerMain()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Javalin app = ServerApp.create().start(port);
    log.info("Kassa server listening on port {}, data in {}", app.port(), dataDir.toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      stopped.countDown();
    }, "kassa-server-shutdown"));
    stopped.await();
    return 0;
  }
}
