package dev.kassa.model.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Event ids made on the terminal: UUID version 7 (RFC 9562), a 48-bit Unix-millisecond timestamp
 * followed by random bits. Globally unique without coordination, so the server can use them as
 * idempotency keys, and roughly time-ordered, which keeps database indexes compact.
 *
 * <p>Within one generator the ids are strictly increasing even when the clock stands still or steps
 * back (the "monotonic random" method of RFC 9562 section 6.2): the 12-bit {@code rand_a} field
 * counts up within the same millisecond.
 */
public final class UuidV7 {
  private static final UuidV7 DEFAULT = new UuidV7(Clock.systemUTC(), new SecureRandom());

  private final Clock clock;
  private final SecureRandom random;
  private long lastMillis = -1;
  private int sequence;

  public UuidV7(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A new id from the shared system-clock generator. */
  public static UUID next() {
    return DEFAULT.nextId();
  }

  public synchronized UUID nextId() {
    long millis = clock.millis();
    if (millis > lastMillis) {
      lastMillis = millis;
      sequence = random.nextInt(1 << 11); // leave room to count up within the millisecond
    } else if (++sequence >= 1 << 12) {
      lastMillis++; // counter exhausted: borrow the next millisecond rather than repeat
      sequence = 0;
    }
    long most = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
    long least = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(most, least);
  }

  /** The millisecond timestamp inside a version 7 id. */
  public static long millisOf(UUID id) {
    if (id.version() != 7) {
      throw new IllegalArgumentException("not a UUIDv7: " + id);
    }
    return id.getMostSignificantBits() >>> 16;
  }
}
