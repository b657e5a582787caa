package dev.kassa.pos.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.ledger.Sales;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.SyncClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkout on a real ledger with the demo program, offline and against a scripted server. */
class CheckoutTest {
  private static final String CARD = Sales.CARD;
  /** 3,000.00 RUB: points may pay half (1,500 points); the demo program's offline allowance is 500. */
  private static final Product SAUSAGE = new Product("sku-sausage", List.of("4600000000001"),
      Map.of("ru", "Колбаса"), "meat", Money.ofMinor(300_000, "RUB"), "STANDARD", false, Set.of());

  @TempDir Path dir;
  private TerminalLedger ledger;
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void open() {
    ledger = TerminalLedger.open(Sales.config(dir));
    ledger.feeds().apply(new PullResponse(1, Stream.PROGRAMS, "p1", false, false,
        List.of(new Change("program", "1", false, SyncCodec.fromJson(DemoProgram.json(), com.fasterxml.jackson.databind.JsonNode.class)))));
    confirmBalance(2_000);
    ledger.openShift("cashier-1", Sales.rub(0));
  }

  @AfterEach
  void close() throws Exception {
    ledger.close();
    server.shutdown();
  }

  private void confirmBalance(long points) {
    CardBalance balance = new CardBalance(CARD, points, 0, points, Instant.now());
    ledger.feeds().apply(new PullResponse(1, Stream.CARDS, "c" + points, false, false,
        List.of(new Change("card-balance", CARD, false, SyncCodec.toTree(balance)))));
  }

  private Checkout checkout(SyncClient online) {
    return new Checkout(ledger, new Programs(ledger.feeds()), online, () -> true, Clock.systemUTC(),
        ZoneId.of("Europe/Moscow"));
  }

  private static CheckoutRequest buy(long points) {
    return new CheckoutRequest("cashier-1", List.of(new CartLine(SAUSAGE, Quantity.pieces(1), "4600000000001")), CARD,
        points, PaymentMethod.CARD);
  }

  @Test
  void earnsPointsOfflineWithoutAnyServer() {
    CheckoutResult result = checkout(null).checkout(buy(0));

    assertThat(result.sale().loyalty().pointsEarned()).isPositive();
    assertThat(result.entries()).extracting(LedgerEntry::type).containsExactly(EntryType.EARN);
    assertThat(result.sale().loyalty().offline()).isFalse();
    assertThat(ledger.cardPosition(CARD).unconfirmedEarned()).isEqualTo(result.sale().loyalty().pointsEarned());
  }

  @Test
  void offlineRedemptionStopsAtTheAllowanceAndTheReceiptSaysOffline() {
    Checkout offline = checkout(null);

    CheckoutResult first = offline.checkout(buy(1_000));
    CheckoutResult second = offline.checkout(buy(300));

    assertThat(first.redemption()).isEqualTo(CheckoutResult.Redemption.OFFLINE);
    assertThat(first.sale().loyalty().pointsRedeemed()).isEqualTo(500);
    assertThat(first.sale().loyalty().offline()).isTrue();
    assertThat(first.sale().payments()).extracting(p -> p.method()).containsExactly(PaymentMethod.POINTS, PaymentMethod.CARD);
    assertThat(second.redemption()).isEqualTo(CheckoutResult.Redemption.NONE);
    assertThat(second.sale().loyalty().pointsRedeemed()).isZero();
    assertThat(ledger.cardPosition(CARD).unconfirmedSpent()).isEqualTo(500);
  }

  @Test
  void offlineRedemptionNeverExceedsTheConfirmedBalance() {
    confirmBalance(180);

    CheckoutResult result = checkout(null).checkout(buy(1_000));

    assertThat(result.sale().loyalty().pointsRedeemed()).isEqualTo(180);
    assertThat(result.sale().loyalty().offline()).isTrue();
  }

  @Test
  void onlineRedemptionHoldsThePointsOnTheServer() throws Exception {
    var sent = new java.util.concurrent.atomic.AtomicReference<ReservationRequest>();
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().endsWith("/balance")) {
          return json(new CardBalance(CARD, 5_000, 0, 5_000, Instant.now()));
        }
        ReservationRequest hold = SyncCodec.fromJson(request.getBody().readByteArray(), ReservationRequest.class);
        sent.set(hold);
        return json(new Reservation(hold.id(), hold.cardNumber(), hold.points(), hold.saleId(), Reservation.Status.HELD,
            Instant.now().plus(Duration.ofMinutes(5))));
      }
    });
    server.start();

    CheckoutResult result = checkout(client(server.url("/"))).checkout(buy(1_000));

    assertThat(result.redemption()).isEqualTo(CheckoutResult.Redemption.ONLINE);
    assertThat(result.sale().loyalty().pointsRedeemed()).isEqualTo(1_000);
    assertThat(result.sale().loyalty().offline()).isFalse();
    assertThat(result.sale().loyalty().reservationId()).isNotNull();
    assertThat(sent.get().points()).isEqualTo(1_000);
    assertThat(sent.get().saleId()).isEqualTo(result.sale().id());
    assertThat(result.sale().loyalty().reservationId()).isEqualTo(sent.get().id().toString());
  }

  @Test
  void onlineRedemptionLeavesOutWhatThisTillSpentOfflineAndHasNotPushedYet() throws Exception {
    checkout(null).checkout(buy(300));
    server.enqueue(json(new CardBalance(CARD, 1_500, 0, 1_500, Instant.now())));
    server.enqueue(new MockResponse().setResponseCode(409));
    server.start();

    checkout(client(server.url("/"))).checkout(buy(1_400));

    server.takeRequest();
    ReservationRequest asked = SyncCodec.fromJson(server.takeRequest().getBody().readByteArray(),
        ReservationRequest.class);
    assertThat(asked.points()).isEqualTo(1_500 - 300);
  }

  @Test
  void aRefusedHoldSellsWithoutPoints() throws Exception {
    server.enqueue(json(new CardBalance(CARD, 5_000, 0, 5_000, Instant.now())));
    server.enqueue(new MockResponse().setResponseCode(409).setBody("{\"title\":\"not enough points\"}"));
    server.start();

    CheckoutResult result = checkout(client(server.url("/"))).checkout(buy(1_000));

    assertThat(result.redemption()).isEqualTo(CheckoutResult.Redemption.NONE);
    assertThat(result.sale().loyalty().pointsRedeemed()).isZero();
    assertThat(result.sale().payments()).extracting(p -> p.method()).containsExactly(PaymentMethod.CARD);
  }

  @Test
  void anUnreachableServerFallsBackToTheOfflineRule() throws Exception {
    server.start();
    HttpUrl gone = server.url("/");
    server.shutdown();

    CheckoutResult result = checkout(client(gone)).checkout(buy(1_000));

    assertThat(result.redemption()).isEqualTo(CheckoutResult.Redemption.OFFLINE);
    assertThat(result.sale().loyalty().pointsRedeemed()).isEqualTo(500);
  }

  @Test
  void aWholeReturnGivesBackThePointsPaidAndTakesBackThoseEarned() {
    Programs programs = new Programs(ledger.feeds());
    CheckoutResult sale = checkout(null).checkout(buy(400));
    long before = ledger.cardPosition(CARD).balance();

    Returns.Result back = new Returns(ledger, programs, Clock.systemUTC()).returnAll(sale, "cashier-1", "faulty");

    assertThat(back.saleReturn().pointsRestored()).isEqualTo(400);
    assertThat(back.saleReturn().pointsReversed()).isEqualTo(sale.sale().loyalty().pointsEarned());
    assertThat(ledger.cardPosition(CARD).balance())
        .isEqualTo(before + 400 - sale.sale().loyalty().pointsEarned());
  }

  private static SyncClient client(HttpUrl url) {
    return new SyncClient(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build(), url, () -> "token");
  }

  private static MockResponse json(Object body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(SyncCodec.toJson(body));
  }

  /** The card as the server's cards feed publishes it, with what its points recompute reads. */
  private void publishCard(long spend12m, String firstPurchaseAt) {
    com.fasterxml.jackson.databind.node.ObjectNode card = SyncCodec.mapper().createObjectNode();
    card.put("number", CARD);
    card.put("status", "ACTIVE");
    card.put("balance", 2_000);
    card.put("held", 0);
    card.put("available", 2_000);
    card.put("spend12m", spend12m);
    if (firstPurchaseAt != null) {
      card.put("firstPurchaseAt", firstPurchaseAt);
    }
    ledger.feeds().apply(new PullResponse(1, Stream.CARDS, "s" + spend12m, false, false,
        List.of(new Change("card-balance", CARD, false, card))));
  }

  @Test
  void aGoldCardIsEvaluatedAtItsTier() {
    publishCard(6_000_000, "2026-01-10T10:00:00Z");

    CheckoutResult result = checkout(null).checkout(buy(0));

    CardState gold = new CardState(CARD, 2_000, List.of(), "gold", Money.ofMinor(6_000_000, "RUB"),
        Instant.parse("2026-01-10T10:00:00Z"), null);
    Evaluation expected = LoyaltyEngine.of(DemoProgram.load()).evaluate(gold, Basket.of(Currency.getInstance("RUB"),
        List.of(BasketLine.of(1, SAUSAGE, Quantity.pieces(1)))), result.sale().createdAt());
    assertThat(result.sale().loyalty().tier()).isEqualTo("gold");
    assertThat(result.sale().total()).isEqualTo(expected.total());
    assertThat(result.sale().loyalty().pointsEarned()).isEqualTo(expected.pointsEarned());
  }

  @Test
  void thisTillsUnconfirmedSalesCountTowardsTheTierUntilTheServerCountsThem() {
    publishCard(4_900_000, "2026-01-10T10:00:00Z");
    Checkout checkout = checkout(null);

    CheckoutResult silver = checkout.checkout(buy(0));
    CheckoutResult gold = checkout.checkout(buy(0));

    assertThat(silver.sale().loyalty().tier()).isEqualTo("silver");
    assertThat(gold.sale().loyalty().tier()).isEqualTo("gold");
    long both = silver.sale().total().minor() + gold.sale().total().minor();
    assertThat(ledger.cardPosition(CARD).spend12m()).isEqualTo(4_900_000 + both);

    // the server acknowledges both, then publishes a spend that includes them: no double count
    ledger.outbox().markSynced(ledger.outbox().pending(100, 1 << 20).stream().map(e -> e.id()).toList());
    assertThat(ledger.cardPosition(CARD).spend12m()).isEqualTo(4_900_000 + both);
    publishCard(4_900_000 + both, "2026-01-10T10:00:00Z");
    assertThat(ledger.cardPosition(CARD).spend12m()).isEqualTo(4_900_000 + both);
  }

  @Test
  void aCardsFirstPurchaseIsKnownFromTheServerOrFromThisTillsOwnSale() {
    publishCard(0, null);
    assertThat(ledger.cardPosition(CARD).firstPurchaseAt()).isNull();

    CheckoutResult first = checkout(null).checkout(buy(0));

    assertThat(ledger.cardPosition(CARD).firstPurchaseAt()).isEqualTo(first.sale().createdAt());
    publishCard(0, "2026-01-10T10:00:00Z");
    assertThat(ledger.cardPosition(CARD).firstPurchaseAt()).isEqualTo(Instant.parse("2026-01-10T10:00:00Z"));
  }
}
