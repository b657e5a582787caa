package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.sync.SyncCodec;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushJsonTest {

  @Test
  void readsEveryInstantAsTheCanonicalCodecDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_000_000_000L, 253_000_000_000L);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      String text = instant.toString();
      assertThat(PushJson.FastInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-01T24:00:00Z",
      "2026-12-31T23:59:60Z", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00+01:00", "2026-01-01 10:00:00Z",
      "2026-01-01T10:00Z", "+12026-01-01T10:00:00Z", "2026-01-01T10:00:00.1234567890Z", "2026-0a-01T10:00:00Z",
      "2026-01-01T10:00:00,5Z", "1700000000"})
  void leavesAnyOtherFormToJackson(String text) {
    assertThat(PushJson.FastInstant.parse(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"2026-01-01T10:00:00.5Z\"", "\"2026-12-31T23:59:60Z\"", "\"2026-01-01T10:00:00+01:00\"",
      "1700000000", "\"not a time\"", "null"})
  void decodesTheSameValueOrFailsTheSameWay(String json) throws Exception {
    var node = SyncCodec.mapper().readTree("{\"at\":" + json + "}");
    Object expected;
    try {
      expected = SyncCodec.fromTree(node, At.class);
    } catch (RuntimeException e) {
      expected = e.getClass();
    }
    Object actual;
    try {
      actual = PushJson.fromTree(node, At.class);
    } catch (RuntimeException e) {
      actual = e.getClass();
    }
    assertThat(actual).isEqualTo(expected);
  }

  record At(Instant at) {}
}
