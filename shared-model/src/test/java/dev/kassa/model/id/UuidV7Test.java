package dev.kassa.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

  @Test
  void idsAreVersion7WithTheTimestampInside() {
    Instant now = Instant.parse("2026-11-24T10:00:00.123Z");
    UUID id = new UuidV7(Clock.fixed(now, ZoneOffset.UTC), new SecureRandom()).nextId();
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(UuidV7.millisOf(id)).isEqualTo(now.toEpochMilli());
  }

  @Test
  void idsFromOneGeneratorIncreaseEvenWithinOneMillisecond() {
    UuidV7 generator = new UuidV7(Clock.fixed(Instant.EPOCH.plusSeconds(1), ZoneOffset.UTC), new SecureRandom());
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(generator.nextId());
    }
    // UUID.compareTo compares signed longs; the timestamp is far below the sign bit here
    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }
}
