package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

/** A transport could not deliver bytes or read a status; {@link #problem()} says which kind. */
public final class PrinterException extends Exception {
  private final PrinterProblem problem;

  public PrinterException(PrinterProblem problem, String detail, Throwable cause) {
    super(requireNonNull(problem, "problem == null").message() + ": " + detail, cause);
    this.problem = problem;
  }

  public PrinterException(PrinterProblem problem, String detail) {
    this(problem, detail, null);
  }

  public PrinterProblem problem() {
    return problem;
  }
}
