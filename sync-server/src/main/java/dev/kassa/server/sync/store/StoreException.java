package dev.kassa.server.sync.store;

/** The database failed in a way the caller cannot fix by changing its request (a 500 or 503). */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
