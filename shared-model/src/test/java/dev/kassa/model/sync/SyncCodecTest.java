package dev.kassa.model.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncCodecTest {

  static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, "RUB");
  }

  static Sale sale() {
    var milk = new SaleLine(1, "MILK-1L", "4600000000015", "Молоко 3,2% 1 л", "dairy",
        Quantity.pieces(2), rub(8990), rub(17980), rub(1798), "VAT10", 1000, 16, Set.of());
    var apples = new SaleLine(2, "APPLE", null, "Яблоки", "fruit",
        Quantity.grams(734), rub(15990), rub(11737), rub(0), "VAT10", 1000, 11,
        Set.of(ProductFlag.NO_DISCOUNT));
    Money total = rub(17980 - 1798 + 11737);
    return new Sale(UUID.fromString("0190f7a2-0000-7000-8000-000000000001"), "store-1", "T1",
        UUID.fromString("0190f7a2-0000-7000-8000-0000000000aa"), 42, "cashier-1",
        Instant.parse("2026-03-01T09:15:30.123Z"), List.of(milk, apples), total,
        List.of(Payment.of(PaymentMethod.POINTS, rub(5000), null),
            Payment.cash(total.minus(rub(5000)), rub(30000))),
        new SaleLoyalty("2700000000017", 3, "GOLD", 27, 50, rub(5000), null, true, List.of("WELCOME10")));
  }

  @Test
  void aPushRoundTripsLosslessly() {
    var entry = new LedgerEntry(UUID.randomUUID(), "2700000000017", EntryType.EARN, 27,
        Instant.parse("2026-03-01T09:15:30.123Z"), Hlc.of(1_772_356_530_123L, 3), "store-1", "T1",
        sale().id(), null, Instant.parse("2027-03-01T09:15:30.123Z"), null);
    var push = new PushRequest(SyncCodec.PROTOCOL_VERSION, UUID.randomUUID(), "T1", new ChainHead(41, "ab"),
        List.of(
            new SyncEvent(sale().id(), Hlc.of(1_772_356_530_123L, 2), sale().createdAt(), "store-1", "T1",
                new JournalLink(42, "ab", "cd"), sale()),
            new SyncEvent(entry.id(), entry.hlc(), entry.at(), "store-1", "T1", null, entry)));

    String json = SyncCodec.toJson(push);
    PushRequest back = SyncCodec.fromJson(json, PushRequest.class);

    assertThat(back).isEqualTo(push);
    assertThat(SyncCodec.toJson(back)).isEqualTo(json);
    assertThat(json).contains("\"kind\":\"sale\"", "\"kind\":\"loyalty-entry\"", "\"currency\":\"RUB\"")
        .doesNotContain("\"zero\"", "\"positive\"", "\"negative\"", "\"change\"", "\"net\"");
  }

  @Test
  void unknownFieldsAreTolerated() {
    String json = SyncCodec.toJson(sale()).replaceFirst("\\{", "{\"addedInVersion9\":[1,2,3],");
    assertThat(SyncCodec.fromJson(json, Sale.class)).isEqualTo(sale());
  }

  @Test
  void anUnknownEventKindDecodesWithoutLosingItsFields() {
    String json = "{\"id\":\"0190f7a2-0000-7000-8000-000000000009\",\"hlc\":5,"
        + "\"terminalTime\":\"2026-03-01T09:15:30Z\",\"storeId\":\"s\",\"terminalId\":\"t\","
        + "\"payload\":{\"kind\":\"drawer-opened\",\"why\":\"change\"}}";
    SyncEvent event = SyncCodec.fromJson(json, SyncEvent.class);
    assertThat(event.payload()).isInstanceOf(UnknownPayload.class);
    assertThat(((UnknownPayload) event.payload()).fields()).containsEntry("why", "change");
  }

  @Test
  void canonicalBytesDoNotDependOnInputOrder() {
    String json = SyncCodec.toJson(sale());
    Sale reread = SyncCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), Sale.class);
    assertThat(SyncCodec.canonicalBytes(reread)).isEqualTo(SyncCodec.canonicalBytes(sale()));
  }

  @Test
  void aBrokenInvariantIsAFormatErrorNamingTheField() {
    String json = SyncCodec.toJson(sale()).replace("\"minor\":17980", "\"minor\":17981");
    assertThatThrownBy(() -> SyncCodec.fromJson(json, Sale.class))
        .isInstanceOf(SyncFormatException.class)
        .hasMessageContaining("lines[0]")
        .hasMessageContaining("amount");
  }

  @Test
  void malformedJsonIsAFormatError() {
    assertThatThrownBy(() -> SyncCodec.fromJson("{\"id\": ", PushRequest.class))
        .isInstanceOf(SyncFormatException.class);
    assertThatThrownBy(() -> SyncCodec.fromJson("{\"protocolVersion\":\"one\"}", PushRequest.class))
        .isInstanceOf(SyncFormatException.class)
        .hasMessageStartingWith("protocolVersion");
  }
}
