package dev.kassa.server.card;

/** {@code POST /api/v1/admin/cards/batches}: how many new cards to number. */
public record BatchRequest(int count) {
  public static final int MAX = 100_000;

  public BatchRequest {
    if (count < 1 || count > MAX) {
      throw new IllegalArgumentException("count must be 1-" + MAX + ": " + count);
    }
  }
}
