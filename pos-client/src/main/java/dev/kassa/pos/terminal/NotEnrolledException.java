package dev.kassa.pos.terminal;

/**
 * The terminal has no identity yet and could not get one: no enrollment code was given, or the
 * server refused or could not be reached. The message says what to do; nothing was written.
 */
public final class NotEnrolledException extends RuntimeException {
  public NotEnrolledException(String message, Throwable cause) {
    super(message, cause);
  }
}
