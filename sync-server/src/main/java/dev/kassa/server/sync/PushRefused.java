package dev.kassa.server.sync;

/** A push refused as a whole: {@code status} is the HTTP status, {@code field} what is at fault. */
public final class PushRefused extends RuntimeException {
  private final int status;
  private final String field;

  public PushRefused(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
