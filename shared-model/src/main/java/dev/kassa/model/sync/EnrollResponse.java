package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

/**
 * Who the terminal now is: its store and id, the store's time zone (for "the day" in reports and
 * for display) and currency, and the long-lived bearer token for every later call. The server
 * keeps only a hash of the token; this answer is the only time it is sent.
 */
public record EnrollResponse(
    String storeId, String storeName, String terminalId, String timeZone, String currency, String token) {

  public EnrollResponse {
    requireNonNull(storeId, "storeId == null");
    requireNonNull(storeName, "storeName == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(timeZone, "timeZone == null");
    requireNonNull(currency, "currency == null");
    requireNonNull(token, "token == null");
  }

  /** For logs: everything but the token. */
  @Override
  public String toString() {
    return "EnrollResponse[store=" + storeId + ", terminal=" + terminalId + ", zone=" + timeZone + "]";
  }
}
