package dev.kassa.server.admin;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

/** {@code POST /api/v1/admin/stores}; {@code id} is optional (a UUID is made). */
public record StoreRequest(String id, String name, String timeZone, String currency) {
  public StoreRequest {
    id = Ids.orNew(id, "id");
    requireNonNull(name, "name == null");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name must be 1-200 characters");
    }
    requireNonNull(timeZone, "timeZone == null");
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone: " + timeZone.substring(0, Math.min(timeZone.length(), 50)));
    }
    requireNonNull(currency, "currency == null");
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an ISO 4217 currency code", e);
    }
  }
}
