package dev.kassa.server.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.server.card.store.CardStore;
import dev.kassa.server.testing.Changes;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardIssuanceTest {
  private static final String BATCHES = "/api/v1/admin/cards/batches";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void batchesContinueTheSerialsWithLuhnValidNumbers(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      JsonNode first = server.http().post(BATCHES, server.adminToken(), Map.of("count", 10)).json();
      JsonNode second = server.http().post(BATCHES, server.adminToken(), Map.of("count", 5)).json();

      LoyaltyCardFormat format = LoyaltyCardFormat.standard();
      assertThat(first.get("first").asText()).isEqualTo(((CodeResult.Ok<String>) format.generate(1)).value());
      assertThat(first.get("last").asText()).isEqualTo(((CodeResult.Ok<String>) format.generate(10)).value());
      assertThat(second.get("first").asText()).isEqualTo(((CodeResult.Ok<String>) format.generate(11)).value());
      assertThat(format.validate(second.get("last").asText())).isInstanceOf(CodeResult.Ok.class);
      assertThat(new CardStore(server.services().db()).cardCount()).isEqualTo(15);
      assertThat(Changes.count(server, "card")).isEqualTo(15);
      TestHttp.Response card = server.http().get("/api/v1/admin/cards/" + first.get("first").asText(),
          server.adminToken());
      assertThat(card.json().get("status").asText()).isEqualTo("ACTIVE");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesBadCountsAndMistypedNumbers(Engine engine) {
    try (TestServer server = TestServer.start(engine)) {
      TestHttp.Response zero = server.http().post(BATCHES, server.adminToken(), Map.of("count", 0));
      TestHttp.Response text = server.http().post(BATCHES, server.adminToken(), Map.of("count", "many"));
      TestHttp.Response mistyped = server.http().get("/api/v1/admin/cards/7700000000000011", server.adminToken());

      assertThat(zero.status()).isEqualTo(400);
      assertThat(zero.body()).contains("count must be");
      assertThat(text.status()).isEqualTo(400);
      assertThat(text.json().get("field").asText()).isEqualTo("count");
      assertThat(mistyped.status()).isEqualTo(400);
      assertThat(mistyped.json().get("field").asText()).isEqualTo("number");
      assertThat(new CardStore(server.services().db()).cardCount()).isZero();
    }
  }
}
