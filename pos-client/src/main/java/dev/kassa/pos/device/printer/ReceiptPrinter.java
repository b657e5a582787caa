package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.EscPosWriter;
import dev.kassa.pos.device.escpos.PrinterProfile;
import dev.kassa.pos.device.escpos.PrinterStatus;
import dev.kassa.pos.device.printer.PrintOutcome.Failed;
import dev.kassa.pos.device.printer.PrintOutcome.Printed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's receipt printer: prints jobs one after another on its own thread, so a slow, jammed
 * or unplugged printer never holds up the cashier. Every job ends in a {@link PrintOutcome}; the
 * last receipt is kept (printed or not), so the cashier can reprint it when the paper is changed
 * or the printer is back. Listeners hear every outcome, on the printer thread.
 */
public final class ReceiptPrinter implements CashDrawer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinter.class);

  private final PrinterTransport transport;
  private final PrinterProfile profile;
  private final ScheduledExecutorService thread;
  private final List<Consumer<PrintOutcome>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Optional<PrinterStatus>>> statusListeners = new CopyOnWriteArrayList<>();
  private volatile PrintJob lastJob;
  private volatile PrintOutcome lastOutcome;

  public ReceiptPrinter(PrinterTransport transport, PrinterProfile profile) {
    this.transport = requireNonNull(transport, "transport == null");
    this.profile = requireNonNull(profile, "profile == null");
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "printer " + transport.describe());
      t.setDaemon(true);
      return t;
    });
  }

  public PrinterProfile profile() {
    return profile;
  }

  public void addListener(Consumer<PrintOutcome> listener) {
    listeners.add(requireNonNull(listener, "listener == null"));
  }

  /** Queues a receipt; returns at once. The job becomes the one {@link #reprintLast()} repeats. */
  public CompletableFuture<PrintOutcome> print(PrintJob job) {
    requireNonNull(job, "job == null");
    return CompletableFuture.supplyAsync(() -> {
      lastJob = job;
      return run(job);
    }, thread);
  }

  /** Prints the last receipt again (after paper out, a jam, or a customer's request). */
  public CompletableFuture<PrintOutcome> reprintLast() {
    return CompletableFuture.supplyAsync(() -> {
      PrintJob job = lastJob;
      if (job == null) {
        throw new IllegalStateException("no receipt printed yet: nothing to reprint");
      }
      return run(job);
    }, thread);
  }

  /** Kicks the cash drawer connected to the printer; not kept for reprint. */
  @Override
  public CompletableFuture<PrintOutcome> open() {
    return openDrawer();
  }

  /** Kicks the cash drawer connected to the printer; not kept for reprint. */
  public CompletableFuture<PrintOutcome> openDrawer() {
    PrintJob pulse = PrintJob.of("drawer", new EscPosWriter(profile).drawerPulse().toBytes());
    return CompletableFuture.supplyAsync(() -> run(pulse), thread);
  }

  /**
   * Asks the printer how it is, without printing; empty when the transport cannot ask. An
   * unreachable printer reads as offline. Status listeners hear the answer.
   */
  public CompletableFuture<Optional<PrinterStatus>> status() {
    return CompletableFuture.supplyAsync(this::queryStatus, thread);
  }

  /** Hears every status answer, on the printer thread: the screen's printer indicator. */
  public void addStatusListener(Consumer<Optional<PrinterStatus>> listener) {
    statusListeners.add(requireNonNull(listener, "listener == null"));
  }

  /**
   * Asks for the status every {@code period} between jobs, so the screen learns that the paper was
   * changed or the printer came back and can offer the pending reprint.
   */
  public void watchStatus(Duration period) {
    requireNonNull(period, "period == null");
    thread.scheduleWithFixedDelay(this::queryStatus, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Optional<PrinterStatus> queryStatus() {
    Optional<PrinterStatus> status;
    try {
      status = transport.status();
    } catch (PrinterException e) {
      status = Optional.of(new PrinterStatus(true, false, false, false));
    }
    for (Consumer<Optional<PrinterStatus>> listener : statusListeners) {
      try {
        listener.accept(status);
      } catch (RuntimeException e) {
        LOG.error("printer status listener failed", e);
      }
    }
    return status;
  }

  /** The receipt {@link #reprintLast()} would print. */
  public Optional<PrintJob> lastJob() {
    return Optional.ofNullable(lastJob);
  }

  /** True when the last receipt did not come out and waits for a reprint. */
  public boolean reprintPending() {
    return lastOutcome instanceof Failed failed && failed.job() == lastJob;
  }

  private PrintOutcome run(PrintJob job) {
    PrintOutcome outcome = attempt(job);
    if (outcome instanceof Failed failed) {
      LOG.warn("print job {} failed on {}: {}", job.name(), transport.describe(), failed.message());
    }
    if (!job.name().equals("drawer")) {
      lastOutcome = outcome;
    }
    for (Consumer<PrintOutcome> listener : listeners) {
      try {
        listener.accept(outcome);
      } catch (RuntimeException e) {
        LOG.error("print listener failed", e);
      }
    }
    return outcome;
  }

  private PrintOutcome attempt(PrintJob job) {
    try {
      Optional<PrinterStatus> before = transport.status();
      if (before.isPresent() && before.get().blocksPrinting()) {
        return new Failed(job, problemOf(before.get()), "before printing: " + before.get().describe());
      }
      Optional<PrinterStatus> after = transport.send(job.bytes());
      if (after.isPresent() && after.get().blocksPrinting()) {
        return new Failed(job, problemOf(after.get()), "while printing: " + after.get().describe());
      }
      return new Printed(job, after.orElse(PrinterStatus.READY));
    } catch (PrinterException e) {
      return new Failed(job, e.problem(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("print job {} crashed", job.name(), e);
      return new Failed(job, PrinterProblem.IO_ERROR, String.valueOf(e.getMessage()));
    }
  }

  static PrinterProblem problemOf(PrinterStatus status) {
    if (status.paperOut()) {
      return PrinterProblem.PAPER_OUT;
    }
    return status.coverOpen() ? PrinterProblem.COVER_OPEN : PrinterProblem.OFFLINE;
  }

  /** Lets a job in progress finish (up to two seconds), then closes the transport. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    transport.close();
  }
}
