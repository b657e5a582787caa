package dev.kassa.pos.device.demo;

import dev.kassa.pos.device.scanner.ScanListener;
import dev.kassa.pos.device.scanner.ScanRejection;
import dev.kassa.pos.device.scanner.ScannedCode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Prints what the scanner delivered and lets the demo wait for a number of events. */
final class DemoScanListener implements ScanListener {
  private final PrintStream console;
  private final Semaphore events = new Semaphore(0);

  DemoScanListener(PrintStream console) {
    this.console = console;
  }

  @Override
  public void onScan(ScannedCode code) {
    console.println("  scanned " + code.text() + " -> " + code.scan());
    events.release();
  }

  @Override
  public void onRejected(ScanRejection rejection) {
    console.println("  rejected (" + rejection.kind() + "): " + rejection.message());
    events.release();
  }

  @Override
  public void onConnected(boolean connected) {
    console.println("  scanner " + (connected ? "connected" : "unplugged"));
  }

  boolean await(int count, Duration timeout) throws InterruptedException {
    return events.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
