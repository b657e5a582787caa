package dev.kassa.pos.ledger;

import static dev.kassa.pos.ledger.Sales.rub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.pos.sync.Backoff;
import dev.kassa.pos.sync.SyncAgent;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sync agent wired to the real ledger, against a scripted server. */
class LedgerSyncTest {
  @TempDir Path dir;

  @Test
  void theAgentPushesTheLedgersEventsWithItsChainHeadAndAppliesPulledCards() throws Exception {
    List<PushRequest> pushes = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer(); TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getPath().startsWith("/api/v1/sync/push")) {
            PushRequest push = SyncCodec.fromJson(request.getBody().readByteArray(), PushRequest.class);
            pushes.add(push);
            return json(new PushResponse(1, push.events().stream()
                .map(e -> new EventResult(e.id(), EventResult.Outcome.ACCEPTED, null)).toList(),
                PushResponse.ChainStatus.CONTINUOUS, Hlc.of(System.currentTimeMillis(), 0)));
          }
          Stream stream = Stream.of(request.getRequestUrl().pathSegments().get(4));
          var changes = stream == Stream.CARDS ? List.of(FeedsAndOutboxTest.card(Sales.CARD, 1000)) : List.<dev.kassa.model.sync.Change>of();
          return json(new PullResponse(1, stream, "after-" + stream.id(), false, false, changes));
        }
      });
      server.start();
      ledger.openShift("cashier-1", rub(0));
      Sale first = ledger.completeSale(Sales.withPoints(2, 25, ledger.hybridClock())).sale();
      ledger.completeSale(Sales.cash(1));

      try (SyncAgent agent = new SyncAgent(new SyncClient(new OkHttpClient(), server.url("/"), () -> "token"),
          ledger.outbox(), ledger.feeds(), ledger.hybridClock(), "till-1",
          new SyncSettings(3, 1 << 20, 100, Duration.ofMinutes(1), Duration.ofMillis(10), Duration.ofMillis(100)),
          new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), new SplittableRandom(1)), Clock.systemUTC())) {
        agent.syncOnce();
      }

      List<SyncEvent> pushed = pushes.stream().flatMap(p -> p.events().stream()).toList();
      assertThat(pushed).extracting(SyncEvent::payload).contains(first);
      assertThat(pushes.get(pushes.size() - 1).chainHead()).isEqualTo(ledger.chainHead());
      assertThat(ledger.outbox().pendingCount()).isZero();
      assertThat(ledger.feeds().cursor(Stream.CARDS)).isEqualTo("after-cards");
      assertThat(ledger.offlineBalance(Sales.CARD)).isEqualTo(1000);
    }
  }

  static MockResponse json(Object body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(SyncCodec.toJson(body));
  }
}
