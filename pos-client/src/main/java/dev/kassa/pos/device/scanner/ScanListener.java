package dev.kassa.pos.device.scanner;

/**
 * Hears a scanner. Called on the scanner's own thread, never the UI thread: a JavaFX screen hands
 * the event over with {@code Platform.runLater}.
 */
public interface ScanListener {
  void onScan(ScannedCode code);

  void onRejected(ScanRejection rejection);

  /** The scanner was plugged in or pulled out. */
  default void onConnected(boolean connected) {}
}
