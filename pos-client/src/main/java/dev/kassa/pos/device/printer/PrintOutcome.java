package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.PrinterStatus;

/**
 * How a print job ended. A failed job is kept by the {@link ReceiptPrinter} for reprint; the sale
 * it belongs to is already committed and does not depend on it.
 */
public sealed interface PrintOutcome {

  PrintJob job();

  /** Printed; {@code status} is the printer's state afterwards (it may warn of paper near end). */
  record Printed(PrintJob job, PrinterStatus status) implements PrintOutcome {
    public Printed {
      requireNonNull(job, "job == null");
      requireNonNull(status, "status == null");
    }
  }

  /** Not printed, or not whole; {@code detail} says what the transport or the printer reported. */
  record Failed(PrintJob job, PrinterProblem problem, String detail) implements PrintOutcome {
    public Failed {
      requireNonNull(job, "job == null");
      requireNonNull(problem, "problem == null");
      requireNonNull(detail, "detail == null");
    }

    public String message() {
      return problem.message() + " (" + detail + "). The receipt is kept: reprint it when the printer is back.";
    }
  }
}
