package dev.kassa.pos.device.printer;

import java.util.concurrent.CompletableFuture;

/**
 * The cash drawer, which hangs on the receipt printer's drawer port. Opening it never waits for
 * the network or the printer: the sale is committed locally first, then the pulse is queued.
 */
public interface CashDrawer {
  /** Sends the kick pulse; completes with how it went. */
  CompletableFuture<PrintOutcome> open();
}
