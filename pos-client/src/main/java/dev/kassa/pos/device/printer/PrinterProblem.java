package dev.kassa.pos.device.printer;

/** Why a print job did not come out; the cashier sees {@link #message()}. */
public enum PrinterProblem {
  PAPER_OUT("The printer is out of paper"),
  COVER_OPEN("The printer cover is open"),
  OFFLINE("The printer is offline"),
  UNREACHABLE("The printer cannot be reached"),
  DEVICE_MISSING("The printer device is not connected"),
  IO_ERROR("Sending to the printer failed");

  private final String message;

  PrinterProblem(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
