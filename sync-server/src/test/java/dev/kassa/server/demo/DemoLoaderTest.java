package dev.kassa.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.demo.DemoCard;
import dev.kassa.model.demo.DemoData;
import dev.kassa.model.demo.DemoStaff;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.server.card.store.CardStore;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.program.store.ProgramStore;
import dev.kassa.server.testing.Changes;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestHttp;
import dev.kassa.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoLoaderTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void loadsTheDemoWorldOnceAndTheDemoTillsEnrolWithTheirPublicCodes(Engine engine) {
    DemoData demo = DemoData.standard();
    try (TestServer server = TestServer.start(engine, config -> config.withDemo(true))) {
      DemoLoader.loadIfEmpty(server.services());

      TestHttp.Response enrolled = server.http().post("/api/v1/terminals/enroll", null, Map.of("code", "DEMO-T1"));
      assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
      EnrollResponse till = enrolled.as(EnrollResponse.class);
      assertThat(till.storeId()).isEqualTo(demo.store().id());
      assertThat(till.terminalId()).isEqualTo(demo.terminals().terminals().get(0).id());
      assertThat(till.timeZone()).isEqualTo("Europe/Moscow");
      assertThat(till.currency()).isEqualTo("RUB");
      assertThat(server.login(DemoStaff.ADMIN_USER, DemoStaff.ADMIN_PASSWORD)).isNotBlank();
      assertThat(new CatalogStore(server.services().db()).productCount()).isEqualTo(demo.products().size());
      assertThat(new CardStore(server.services().db()).cardCount()).isEqualTo(demo.cards().size());
      assertThat(new CardStore(server.services().db()).card(demo.cards().get(3).number()).orElseThrow().holderName())
          .isEqualTo(demo.cards().get(3).holderName());
      assertThat(new ProgramStore(server.services().db()).document(DemoProgram.load().version()))
          .contains(DemoProgram.json());
      assertThat(Changes.count(server, "product")).isEqualTo(demo.products().size());
      DemoCard rich = demo.cards().stream().filter(card -> card.openingPoints() > 0).findFirst().orElseThrow();
      CardBalance balance = server.http().get("/api/v1/loyalty/cards/" + rich.number() + "/balance", till.token())
          .as(CardBalance.class);
      assertThat(balance.balance()).isEqualTo(rich.openingPoints());
      DemoLoader.loadIfEmpty(server.services());
      assertThat(server.http().get("/api/v1/loyalty/cards/" + rich.number() + "/balance", till.token())
          .as(CardBalance.class).balance()).isEqualTo(rich.openingPoints());
    }
  }
}
