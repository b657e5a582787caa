package dev.kassa.model.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeWireTextTest {
  static final String PAGE = "{\"changes\":["
      + "{\"data\": {\"name\":\"Молоко \\\"Домик\\\"\",  \"barcodes\":[\"4600000000015\"],\"price\":{\"minor\":8990}},"
      + "\"deleted\":false,\"future\":{\"x\":[1,2]},\"key\":\"p1\",\"kind\":\"product\"},"
      + "{\"deleted\":true,\"key\":\"p2\",\"kind\":\"product\"},"
      + "{\"data\":{\"balance\":300,\"number\":\"2700000000017\"},\"key\":\"c1\",\"kind\":\"card\"}"
      + "],\"cursor\":\"k9\",\"hasMore\":true,\"protocolVersion\":1,\"snapshot\":false,\"stream\":\"catalog\"}";

  static PullResponse decode(String json) {
    return SyncCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), PullResponse.class);
  }

  @Test
  void aChangeDecodedFromBytesKeepsItsEntityTextExactly() {
    List<Change> changes = decode(PAGE).changes();

    assertThat(changes.get(0).wireText()).isEqualTo(
        "{\"name\":\"Молоко \\\"Домик\\\"\",  \"barcodes\":[\"4600000000015\"],\"price\":{\"minor\":8990}}");
    assertThat(changes.get(0).data().path("price").path("minor").asLong()).isEqualTo(8990);
    assertThat(changes.get(1).deleted()).isTrue();
    assertThat(changes.get(1).dataJson()).isNull();
    assertThat(changes.get(2).dataJson()).isEqualTo("{\"balance\":300,\"number\":\"2700000000017\"}");
    assertThat(SyncCodec.fromJson(changes.get(0).dataJson(), JsonNode.class)).isEqualTo(changes.get(0).data());
  }

  @Test
  void theTextIsNotPartOfTheValueNorOfWhatIsSent() {
    Change decoded = decode(PAGE).changes().get(2);
    Change built = new Change("card", "c1", false, SyncCodec.fromJson(decoded.wireText(), JsonNode.class));

    assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(built.wireText()).isNull();
    assertThat(built.dataJson()).isEqualTo("{\"balance\":300,\"number\":\"2700000000017\"}");
    assertThat(SyncCodec.toJson(decoded)).isEqualTo(SyncCodec.toJson(built)).doesNotContain("wireText", "dataJson");
    assertThat(SyncCodec.fromJson(SyncCodec.toJson(decode(PAGE)), PullResponse.class)).isEqualTo(decode(PAGE));
  }

  @Test
  void decodedFromAStringTheTreeIsWrittenInstead() {
    Change change = SyncCodec.fromJson(PAGE, PullResponse.class).changes().get(2);

    assertThat(change.wireText()).isNull();
    assertThat(change.dataJson()).isEqualTo("{\"balance\":300,\"number\":\"2700000000017\"}");
  }

  @Test
  void aMalformedChangeIsAFormatError() {
    assertThatThrownBy(() -> decode(PAGE.replace("\"key\":\"c1\",", ""))).isInstanceOf(SyncFormatException.class);
    assertThatThrownBy(() -> decode(PAGE.replace("\"deleted\":true", "\"deleted\":null")))
        .isInstanceOf(SyncFormatException.class);
    assertThatThrownBy(() -> decode(PAGE.replace("\"deleted\":true,", "")))
        .isInstanceOf(SyncFormatException.class);
    assertThatThrownBy(() -> decode(PAGE.replace("\"kind\":\"card\"", "\"kind\":{\"a\":1}")))
        .isInstanceOf(SyncFormatException.class);
  }
}
