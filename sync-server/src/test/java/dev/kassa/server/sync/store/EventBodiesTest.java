package dev.kassa.server.sync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EventBodiesTest {

  @Property(tries = 300)
  void everyBodyReadsBackAsTheJsonItWas(@ForAll @IntRange(min = 0, max = 20_000) int size, @ForAll long seed) {
    byte[] json = json(size, new SplittableRandom(seed));

    byte[] stored = EventBodies.pack(json);

    assertThat(EventBodies.unpack(stored)).isEqualTo(json);
    assertThat(stored.length).isLessThanOrEqualTo(json.length);
  }

  @Test
  void aSaleSizedBodyIsKeptCompressedBehindItsMarker() {
    byte[] json = json(2_900, new SplittableRandom(1));

    byte[] stored = EventBodies.pack(json);

    assertThat(stored[0]).isEqualTo((byte) 1);
    assertThat(stored.length).isLessThan(json.length * 3 / 4);
  }

  @Test
  void smallAndIncompressibleBodiesAreKeptAsTheyCame() {
    byte[] small = json(EventBodies.COMPRESS_FROM - 1, new SplittableRandom(2));
    byte[] noise = new byte[4_000];
    new SplittableRandom(3).nextBytes(noise);
    noise[0] = '{';

    assertThat(EventBodies.pack(small)).isSameAs(small);
    assertThat(EventBodies.pack(noise)).isSameAs(noise);
    assertThat(EventBodies.unpack(noise)).isSameAs(noise);
  }

  @Test
  void bodiesStoredBeforeCompressionReadAsTheyAre() {
    byte[] legacy = json(3_000, new SplittableRandom(4));

    assertThat(EventBodies.unpack(legacy)).isSameAs(legacy);
    assertThat(EventBodies.unpack(new byte[0])).isEmpty();
  }

  @Test
  void aDamagedCompressedBodyIsAClearErrorNotAnotherEvent() {
    byte[] stored = EventBodies.pack(json(3_000, new SplittableRandom(5)));
    byte[] cut = Arrays.copyOf(stored, stored.length / 2);
    byte[] lying = stored.clone();
    lying[4] += 7;
    byte[] header = Arrays.copyOf(stored, 3);

    assertThatThrownBy(() -> EventBodies.unpack(cut)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored event body");
    assertThatThrownBy(() -> EventBodies.unpack(lying)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored event body");
    assertThatThrownBy(() -> EventBodies.unpack(header)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cut short");
  }

  /** A JSON-like text of {@code size} bytes, repetitive as events are, with Cyrillic in it. */
  private static byte[] json(int size, SplittableRandom random) {
    StringBuilder text = new StringBuilder("{\"lines\":[");
    while (text.toString().getBytes(StandardCharsets.UTF_8).length < size) {
      text.append("{\"amount\":{\"currency\":\"RUB\",\"minor\":").append(random.nextInt(100_000))
          .append("},\"name\":\"Молоко ").append(random.nextInt(1000)).append("\",\"sku\":\"SKU-")
          .append(random.nextInt(500)).append("\"},");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(bytes, size);
  }
}
