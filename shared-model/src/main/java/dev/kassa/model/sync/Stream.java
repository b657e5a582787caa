package dev.kassa.model.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The change feeds a terminal pulls from the server, each with its own cursor. */
public enum Stream {
  /** Products, categories, prices, VAT rates. */
  CATALOG,
  /** Loyalty cards, their holders and last confirmed balances. */
  CARDS,
  /** Loyalty program versions. */
  PROGRAMS,
  /** Coupons and gift certificates. */
  COUPONS,
  /** Conflicts the server found for the terminal's store. */
  CONFLICTS;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Stream of(String id) {
    for (Stream stream : values()) {
      if (stream.id().equals(id)) {
        return stream;
      }
    }
    throw new IllegalArgumentException("unknown stream: " + id);
  }
}
