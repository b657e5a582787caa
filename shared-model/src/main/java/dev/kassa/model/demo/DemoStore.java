package dev.kassa.model.demo;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Currency;

/** The demo store: a Moscow grocery selling in roubles; {@code zone} decides what "the day" is in reports. */
public record DemoStore(String id, String name, String address, ZoneId zone, Currency currency) {
  public DemoStore {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(address, "address == null");
    requireNonNull(zone, "zone == null");
    requireNonNull(currency, "currency == null");
  }
}
