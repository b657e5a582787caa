package dev.kassa.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * A hybrid logical clock timestamp: 48 bits of wall-clock milliseconds and a 16-bit logical
 * counter packed in one {@code long}, so that plain numeric order is causal order. Terminals stamp
 * every event with one; a terminal whose clock runs hours fast or slow still orders its own events
 * correctly, and after it has seen the server's time its stamps move past everything it has seen.
 */
public record Hlc(long value) implements Comparable<Hlc> {
  public static final int LOGICAL_BITS = 16;
  public static final int MAX_LOGICAL = (1 << LOGICAL_BITS) - 1;

  public Hlc {
    if (value < 0) {
      throw new IllegalArgumentException("value < 0: " + value);
    }
  }

  public static Hlc of(long physicalMillis, int logical) {
    if (physicalMillis < 0 || physicalMillis >= 1L << (63 - LOGICAL_BITS)) {
      throw new IllegalArgumentException("physicalMillis out of range: " + physicalMillis);
    }
    if (logical < 0 || logical > MAX_LOGICAL) {
      throw new IllegalArgumentException("logical out of range: " + logical);
    }
    return new Hlc(physicalMillis << LOGICAL_BITS | logical);
  }

  @JsonCreator
  static Hlc fromJson(long value) {
    return new Hlc(value);
  }

  @JsonValue
  @Override
  public long value() {
    return value;
  }

  public long physicalMillis() {
    return value >>> LOGICAL_BITS;
  }

  public int logical() {
    return (int) (value & MAX_LOGICAL);
  }

  public Instant instant() {
    return Instant.ofEpochMilli(physicalMillis());
  }

  @Override
  public int compareTo(Hlc other) {
    return Long.compare(value, other.value);
  }

  public boolean isAfter(Hlc other) {
    return value > other.value;
  }

  @Override
  public String toString() {
    return instant() + "#" + logical();
  }
}
