package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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

  @Test
  void readsEveryCanonicalAmountAndQuantityItselfAndAsTheCanonicalCodecDoes() throws Exception {
    Random random = new Random(11);
    List<String> currencies = List.of("RUB", "USD", "JPY", "KWD", "EUR");
    for (int i = 0; i < 5_000; i++) {
      long minor = switch (i % 4) {
        case 0 -> random.nextInt(1_000_000);
        case 1 -> -random.nextInt(1_000_000);
        case 2 -> random.nextLong();
        default -> i % 8 == 3 ? Long.MAX_VALUE : Long.MIN_VALUE;
      };
      String code = currencies.get(random.nextInt(currencies.size()));
      String unit = random.nextBoolean() ? "PIECE" : "GRAM";
      long value = 1 + random.nextInt(100_000);
      String json = i % 2 == 0
          ? "{\"money\":{\"currency\":\"" + code + "\",\"minor\":" + minor + "},\"quantity\":{\"unit\":\"" + unit
              + "\",\"value\":" + value + "}}"
          : "{\"money\":{\"minor\":" + minor + ",\"currency\":\"" + code + "\"},\"quantity\":{\"value\":" + value
              + ",\"unit\":\"" + unit + "\"}}";
      Amounts expected = SyncCodec.fromJson(json, Amounts.class);
      assertThat((Amounts) PushJson.strictReader(Amounts.class).readValue(json)).as(json).isEqualTo(expected);
      assertThat(expected.money()).isEqualTo(Money.ofMinor(minor, code));
    }
    // a null is Jackson's to read (the record's constructor or the caller refuses it), as in SyncCodec
    String json = "{\"money\":null,\"quantity\":null}";
    assertThat((Amounts) PushJson.strictReader(Amounts.class).readValue(json))
        .isEqualTo(SyncCodec.fromJson(json, Amounts.class)).isEqualTo(new Amounts(null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"minor\":5}", "{\"currency\":\"RUB\"}", "{}", "{\"currency\":\"RUB\",\"minor\":5,\"x\":1}",
      "{\"minor\":5,\"minor\":6,\"currency\":\"RUB\"}", "{\"currency\":\"RUB\",\"currency\":\"USD\",\"minor\":5}",
      "{\"currency\":\"RUB\",\"minor\":\"5\"}", "{\"currency\":\"RUB\",\"minor\":5.0}", "{\"currency\":\"RUB\",\"minor\":1e2}",
      "{\"currency\":\"RUB\",\"minor\":9223372036854775808}", "{\"currency\":\"RUB\",\"minor\":null}",
      "{\"currency\":null,\"minor\":5}", "{\"currency\":\"rub\",\"minor\":5}", "{\"currency\":\"XXX\",\"minor\":5}",
      "{\"currency\":5,\"minor\":5}", "{\"currency\":[\"RUB\"],\"minor\":5}", "{\"currency\":\"RUB\",\"minor\":{}}",
      "[5,\"RUB\"]", "5", "\"5 RUB\""})
  void leavesAnyOtherAmountToTheCanonicalCodec(String money) throws Exception {
    String json = "{\"money\":" + money + ",\"quantity\":{\"unit\":\"PIECE\",\"value\":1}}";
    assertThatThrownBy(() -> PushJson.strictReader(Amounts.class).readValue(json)).as(json)
        .isInstanceOfAny(IOException.class, RuntimeException.class);
    assertThat(decodedOrFailure(json)).as(json).isEqualTo(canonicalOrFailure(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"value\":0,\"unit\":\"PIECE\"}", "{\"value\":-3,\"unit\":\"GRAM\"}",
      "{\"value\":2,\"unit\":\"piece\"}", "{\"value\":2,\"unit\":0}", "{\"value\":2,\"unit\":\"LITRE\"}",
      "{\"value\":2}", "{\"value\":2,\"unit\":\"PIECE\",\"unit\":\"GRAM\"}", "{\"value\":2.5,\"unit\":\"GRAM\"}",
      "{\"value\":\"2\",\"unit\":\"PIECE\"}"})
  void leavesAnyOtherQuantityToTheCanonicalCodec(String quantity) throws Exception {
    String json = "{\"money\":{\"currency\":\"RUB\",\"minor\":5},\"quantity\":" + quantity + "}";
    assertThatThrownBy(() -> PushJson.strictReader(Amounts.class).readValue(json)).as(json)
        .isInstanceOfAny(IOException.class, RuntimeException.class);
    assertThat(decodedOrFailure(json)).as(json).isEqualTo(canonicalOrFailure(json));
  }

  @Test
  void aPushWithOneAmountWrittenOtherwiseDecodesAsTheCanonicalCodecDecodesIt() {
    SyncEvent event = new Events("store-1", "till-1").sale("2000000000015", 40);
    String canonical = SyncCodec.toJson(event);
    String unusual = canonical.replaceFirst("\"minor\":(\\d+)", "\"minor\":\"$1\"");
    assertThat(unusual).isNotEqualTo(canonical);
    for (String json : List.of(canonical, unusual)) {
      String body = "{\"protocolVersion\":1,\"batchId\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"till-1\","
          + "\"chainHead\":{\"seq\":0,\"hash\":\"\"},\"events\":[" + json + "]}";
      PushDecoder.Batch batch = PushDecoder.decode(body.getBytes(StandardCharsets.UTF_8));
      assertThat(batch.events()).hasSize(1);
      assertThat(batch.events().get(0).event()).isEqualTo(SyncCodec.fromJson(json, SyncEvent.class)).isEqualTo(event);
    }
  }

  record Amounts(Money money, Quantity quantity) {}

  private static Object decodedOrFailure(String json) throws Exception {
    try {
      return PushJson.fromTree(SyncCodec.mapper().readTree(json), Amounts.class);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static Object canonicalOrFailure(String json) throws Exception {
    try {
      return SyncCodec.fromTree(SyncCodec.mapper().readTree(json), Amounts.class);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
}
