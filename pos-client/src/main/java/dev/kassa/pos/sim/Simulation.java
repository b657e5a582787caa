package dev.kassa.pos.sim;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.money.Money;
import dev.kassa.pos.ledger.store.FeedRows;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncFailure;
import dev.kassa.pos.sync.SyncSettings;
import dev.kassa.pos.terminal.TerminalConfig;
import dev.kassa.pos.terminal.TerminalProfile;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N headless terminals, each with its own ledger file under {@code dataDir/terminal-i} and its own
 * sync agent, selling in parallel. Terminals are enrolled through the admin API on the first run
 * and reused from their data directories afterwards. Used by {@code kassa simulate}, the
 * convergence tests and the benchmarks.
 */
public final class Simulation implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Simulation.class);
  /** Cards shared by all terminals: few enough that tills spend the same cards at the same time. */
  static final int SHARED_CARDS = 12;

  private final List<SimulatedTerminal> terminals;

  private Simulation(List<SimulatedTerminal> terminals) {
    this.terminals = terminals;
  }

  /**
   * How to reach the server (and trust it, over HTTPS) and where the terminals live. {@code clocks}
   * gives terminal i its wall clock.
   */
  public record Setup(String serverUrl, HttpsOptions https, Path dataDir, int terminals, long seed, SyncSettings sync,
      IntFunction<Clock> clocks) {
    public Setup {
      requireNonNull(serverUrl, "serverUrl == null");
      requireNonNull(https, "https == null");
      requireNonNull(dataDir, "dataDir == null");
      requireNonNull(sync, "sync == null");
      requireNonNull(clocks, "clocks == null");
      if (terminals <= 0) {
        throw new IllegalArgumentException("terminals <= 0: " + terminals);
      }
    }

    /** A server trusted as the system trusts it (plain HTTP in the tests and benchmarks). */
    public Setup(String serverUrl, Path dataDir, int terminals, long seed, SyncSettings sync, IntFunction<Clock> clocks) {
      this(serverUrl, HttpsOptions.systemDefaults(), dataDir, terminals, seed, sync, clocks);
    }
  }

  /**
   * Enrols (when needed) and starts the terminals, and waits until each has pulled a catalog, the
   * cards and a program, so that the first sale already has something to sell.
   */
  public static Simulation start(Setup setup, AdminClient admin, Duration firstPullTimeout) {
    List<SimulatedTerminal> started = new ArrayList<>();
    String store = null;
    try {
      for (int i = 0; i < setup.terminals(); i++) {
        Path dir = setup.dataDir().resolve("terminal-" + (i + 1));
        String code = null;
        if (TerminalProfile.read(dir).isEmpty()) {
          store = store == null ? admin.firstStore() : store;
          code = admin.createTerminal(store, "sim-" + Long.toHexString(setup.seed()) + "-" + (i + 1) + "-"
              + Long.toHexString(System.nanoTime() & 0xffffff));
        }
        TerminalRuntime runtime = TerminalRuntime.start(new TerminalConfig(dir, setup.serverUrl(), code,
            setup.https(), setup.sync(), setup.clocks().apply(i)));
        awaitFirstPull(runtime, firstPullTimeout);
        if (runtime.ledger().currentShift().isEmpty()) {
          runtime.ledger().openShift("sim-cashier", Money.zero(runtime.profile().storeCurrency()));
        }
        FeedRows feeds = runtime.ledger().feeds();
        List<Product> products = feeds.keys("product").stream().map(sku -> feeds.product(sku).orElseThrow())
            .filter(SimulatedTerminal::sellable).toList();
        List<String> cards = feeds.keys("card");
        started.add(new SimulatedTerminal(runtime, setup.seed() * 31 + i, products,
            cards.subList(0, Math.min(SHARED_CARDS, cards.size()))));
      }
      return new Simulation(started);
    } catch (RuntimeException e) {
      started.forEach(t -> t.runtime().close());
      throw e;
    }
  }

  private static void awaitFirstPull(TerminalRuntime runtime, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    FeedRows feeds = runtime.ledger().feeds();
    // a whole first cycle, so the till has also taken the server's time before it sells
    while (runtime.syncState().lastSuccess() == null || feeds.keys("product").isEmpty()
        || feeds.latestProgram().isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(runtime.profile().terminalId() + " got no catalog and program within "
            + timeout + ": " + runtime.syncState().problem());
      }
      pause(Duration.ofMillis(100));
    }
  }

  /** The loyalty cards the terminals share. */
  public java.util.Set<String> sharedCards() {
    java.util.Set<String> cards = new java.util.TreeSet<>();
    terminals.forEach(t -> cards.addAll(t.cards()));
    return cards;
  }

  public List<TerminalRuntime> runtimes() {
    return terminals.stream().map(SimulatedTerminal::runtime).toList();
  }

  /** Every terminal makes {@code salesEach} sales (or returns), all terminals in parallel. */
  public List<TerminalReport> sell(int salesEach) {
    ExecutorService pool = Executors.newFixedThreadPool(terminals.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (SimulatedTerminal terminal : terminals) {
        running.add(pool.submit(() -> {
          for (int i = 0; i < salesEach; i++) {
            terminal.step();
          }
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while selling", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a terminal failed to sell: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return reports();
  }

  /** Every points entry the terminals committed (the tests' ground truth). */
  public List<LedgerEntry> entries() {
    return terminals.stream().flatMap(t -> t.entries().stream()).toList();
  }

  /** The id of every sale the terminals committed, so a check can compare sets rather than counts. */
  public List<UUID> saleIds() {
    return terminals.stream().flatMap(t -> t.saleIds().stream()).toList();
  }

  public List<TerminalReport> reports() {
    return terminals.stream().map(SimulatedTerminal::report).toList();
  }

  /**
   * Stops the background agents and syncs every terminal to the end: first each pushes all it
   * holds (retrying while the server fails), then each pulls once more, so that every terminal
   * sees what the others pushed. False when {@code timeout} passed first.
   */
  public boolean finish(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    terminals.forEach(t -> t.runtime().agent().close());
    for (SimulatedTerminal t : terminals) {
      if (!syncUntil(t.runtime(), deadline, true)) {
        return false;
      }
    }
    for (SimulatedTerminal t : terminals) {
      if (!syncUntil(t.runtime(), deadline, false)) {
        return false;
      }
    }
    return true;
  }

  private static boolean syncUntil(TerminalRuntime runtime, Instant deadline, boolean untilEmpty) {
    while (Instant.now().isBefore(deadline)) {
      try {
        runtime.agent().syncOnce();
        if (!untilEmpty || runtime.ledger().outbox().pendingCount() == 0) {
          return true;
        }
      } catch (SyncFailure e) {
        log.debug("{} not synced yet: {}", runtime.profile().terminalId(), e.describe());
      }
      pause(Duration.ofMillis(200));
    }
    return false;
  }

  /** A retry pause of the driver loop (not a test waiting for a condition). */
  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    terminals.forEach(t -> t.runtime().close());
  }
}
