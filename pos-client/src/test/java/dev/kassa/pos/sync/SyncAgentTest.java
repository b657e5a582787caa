package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncAgentTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private final MockWebServer server = new MockWebServer();
  private final MemoryOutbox local = new MemoryOutbox();
  private final List<PushRequest> pushes = new CopyOnWriteArrayList<>();
  private final HybridClock hlc = new HybridClock(Clock.fixed(NOW, ZoneOffset.UTC));
  private volatile Function<PushRequest, MockResponse> pushAnswer = SyncAgentTest::acceptAll;
  private volatile Function<RecordedRequest, MockResponse> pullAnswer = request -> emptyPage(request, "c1");
  private SyncAgent agent;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().startsWith("/api/v1/sync/push")) {
          PushRequest push = SyncCodec.fromJson(request.getBody().readByteArray(), PushRequest.class);
          pushes.add(push);
          return pushAnswer.apply(push);
        }
        return pullAnswer.apply(request);
      }
    });
    server.start();
    agent = agentWith(local);
  }

  private SyncAgent agentWith(FeedStore feeds) {
    return agentWith(feeds, new SyncSettings(2, 1 << 20, 100, Duration.ofMillis(50), Duration.ofMillis(10),
        Duration.ofMillis(100)));
  }

  private SyncAgent agentWith(FeedStore feeds, SyncSettings settings) {
    OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(5, TimeUnit.SECONDS).build();
    return new SyncAgent(new SyncClient(http, server.url("/"), () -> "t"), local, feeds, hlc, "T1", settings,
        new Backoff(settings.backoffBase(), settings.backoffMax(), new SplittableRandom(1)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A feed store that hands everything to another; tests override the step they want to change. */
  private static class ForwardingFeedStore implements FeedStore {
    private final FeedStore target;

    ForwardingFeedStore(FeedStore target) {
      this.target = target;
    }

    @Override public String cursor(Stream stream) {
      return target.cursor(stream);
    }

    @Override public void apply(PullResponse page) {
      target.apply(page);
    }

    @Override public void resetCursor(Stream stream) {
      target.resetCursor(stream);
    }

    @Override public int openConflicts() {
      return target.openConflicts();
    }
  }

  @AfterEach
  void stop() throws IOException {
    agent.close();
    server.shutdown();
  }

  static MockResponse acceptAll(PushRequest push) {
    List<EventResult> results = new ArrayList<>();
    for (SyncEvent event : push.events()) {
      results.add(new EventResult(event.id(), EventResult.Outcome.ACCEPTED, null));
    }
    return json(new PushResponse(1, results, PushResponse.ChainStatus.CONTINUOUS,
        Hlc.of(NOW.plus(Duration.ofHours(2)).toEpochMilli(), 5)));
  }

  static MockResponse emptyPage(RecordedRequest request, String cursor) {
    String stream = request.getRequestUrl().pathSegments().get(4);
    return json(new PullResponse(1, Stream.of(stream), cursor, false, false, List.of()));
  }

  static MockResponse json(Object body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(SyncCodec.toJson(body));
  }

  @Test
  void pushesTheOutboxInBoundedBatchesThenPullsEveryStream() throws Exception {
    for (int i = 0; i < 5; i++) {
      local.add();
    }
    agent.syncOnce();

    assertThat(pushes).extracting(p -> p.events().size()).containsExactly(2, 2, 1, 0);
    assertThat(local.waiting).isEmpty();
    assertThat(local.cursors).containsOnlyKeys(Stream.values()).containsValue("c1");
    assertThat(agent.state().connection()).isEqualTo(SyncState.Connection.ONLINE);
    assertThat(agent.state().lastSuccess()).isEqualTo(NOW);
  }

  @Test
  void aFailedBatchStaysInTheOutbox() {
    for (int i = 0; i < 4; i++) {
      local.add();
    }
    pushAnswer = push -> pushes.size() == 1 ? acceptAll(push) : new MockResponse().setResponseCode(500);

    assertThatThrownBy(agent::syncOnce).isInstanceOf(SyncFailure.ServerError.class);
    assertThat(local.waiting).hasSize(2);
    assertThat(agent.state().connection()).isEqualTo(SyncState.Connection.OFFLINE);
    assertThat(agent.state().pendingEvents()).isEqualTo(2);
  }

  @Test
  void aRejectedEventIsSetAsideAndTheRestSettled() throws Exception {
    SyncEvent bad = local.add();
    local.add();
    pushAnswer = push -> json(new PushResponse(1, push.events().stream()
        .map(e -> e.id().equals(bad.id())
            ? new EventResult(e.id(), EventResult.Outcome.REJECTED, "same id, different payload")
            : new EventResult(e.id(), EventResult.Outcome.DUPLICATE, null))
        .toList(), PushResponse.ChainStatus.CONTINUOUS, Hlc.of(1, 0)));

    agent.syncOnce();

    assertThat(local.waiting).isEmpty();
    assertThat(local.rejected).containsEntry(bad.id(), "same id, different payload");
  }

  @Test
  void aRevokedTokenIsShownAsNotAuthorized() {
    local.add();
    pushAnswer = push -> new MockResponse().setResponseCode(401);
    assertThatThrownBy(agent::syncOnce).isInstanceOf(SyncFailure.NotAuthorized.class);
    assertThat(agent.state().connection()).isEqualTo(SyncState.Connection.NOT_AUTHORIZED);
    assertThat(local.waiting).hasSize(1);
  }

  @Test
  void anExpiredCursorIsReplacedByASnapshot() throws Exception {
    local.cursors.put(Stream.CARDS, "ancient");
    List<String> cursorsAsked = new CopyOnWriteArrayList<>();
    pullAnswer = request -> {
      if (request.getPath().contains("/cards")) {
        String cursor = request.getRequestUrl().queryParameter("cursor");
        cursorsAsked.add(cursor);
        if (cursor.equals("ancient")) {
          return new MockResponse().setResponseCode(410);
        }
      }
      return emptyPage(request, "fresh");
    };

    agent.syncOnce();

    assertThat(cursorsAsked).containsExactly("ancient", "");
    assertThat(local.cursors).containsEntry(Stream.CARDS, "fresh");
  }

  @Test
  void followsAStreamPageByPage() throws Exception {
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, page < 2, List.of()));
    };
    agent.syncOnce();
    assertThat(local.applied.stream().filter(p -> p.stream() == Stream.CATALOG))
        .extracting(PullResponse::cursor).containsExactly("1", "2", "3");
  }

  /**
   * Only the first page of a pull, asked for with the stored cursor, has the server bring the feed
   * up to date; the pages after it say they continue it. A pull cut short by a failed page starts
   * again as a first page.
   */
  @Test
  void pagesAfterTheFirstSayTheyContinueThePull() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    AtomicBoolean failPage2 = new AtomicBoolean(true);
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      if (stream.equals("catalog")) {
        asked.add(cursor + ":" + request.getRequestUrl().queryParameter("continued"));
        if (cursor.equals("2") && failPage2.getAndSet(false)) {
          return new MockResponse().setResponseCode(500);
        }
      }
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, page < 2, List.of()));
    };

    assertThatThrownBy(agent::syncOnce).isInstanceOf(SyncFailure.class);
    agent.syncOnce();

    assertThat(asked).containsExactly(":null", "1:true", "2:true", "2:null");
    assertThat(local.cursors).containsEntry(Stream.CATALOG, "3");
  }

  /**
   * The store may ask for smaller pages than the setting (the ledger does while a shift is open),
   * never for larger ones; each page is asked for with the size the store gives at that moment.
   */
  @Test
  void asksForThePageSizeTheStoreGivesAtMostTheSetting() throws Exception {
    List<String> limits = new CopyOnWriteArrayList<>();
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      if (stream.equals("catalog")) {
        limits.add(request.getRequestUrl().queryParameter("limit"));
      }
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, page < 2, List.of()));
    };
    java.util.concurrent.atomic.AtomicInteger storeSize = new java.util.concurrent.atomic.AtomicInteger(30);
    agent.close();
    agent = agentWith(new ForwardingFeedStore(local) {
      @Override public int pageSize(int configured) {
        return storeSize.getAndAdd(100);
      }
    });

    agent.syncOnce();

    assertThat(limits).as("the setting is 100").containsExactly("30", "100", "100");
  }

  /**
   * The next page is asked for while the current one is still being applied: here applying page
   * 1 of the catalog waits until the server has been asked for page 2, which never happens if the
   * agent fetches only after applying (the wait then times out and the test fails).
   */
  @Test
  void asksForTheNextPageWhileTheCurrentOneIsApplied() throws Exception {
    CountDownLatch secondPageAsked = new CountDownLatch(1);
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      if (stream.equals("catalog") && cursor.equals("1")) {
        secondPageAsked.countDown();
      }
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, page < 2, List.of()));
    };
    List<Boolean> askedDuringApply = new CopyOnWriteArrayList<>();
    FeedStore slowStore = new ForwardingFeedStore(local) {
      @Override public void apply(PullResponse page) {
        if (page.stream() == Stream.CATALOG && page.cursor().equals("1")) {
          try {
            askedDuringApply.add(secondPageAsked.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        super.apply(page);
      }
    };

    try (SyncAgent pipelined = agentWith(slowStore)) {
      pipelined.syncOnce();
    }

    assertThat(askedDuringApply).containsExactly(true);
    assertThat(local.applied.stream().filter(p -> p.stream() == Stream.CATALOG))
        .extracting(PullResponse::cursor).containsExactly("1", "2", "3");
  }

  /** The simulator stops the background agent, then drives it to the end itself. */
  @Test
  void aClosedAgentStillSyncsWhenDrivenStepByStep() throws Exception {
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, page < 2, List.of()));
    };
    agent.close();

    agent.syncOnce();

    assertThat(local.cursors).containsOnlyKeys(Stream.values()).containsValue("3");
  }

  /** A page that fails while the one before it is applied: that one stays applied with its cursor, the next is not. */
  @Test
  void aFailedNextPageLeavesThePagesBeforeItAppliedWithTheirCursor() {
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      if (cursor.equals("2")) {
        return new MockResponse().setResponseCode(500);
      }
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, true, List.of()));
    };

    assertThatThrownBy(agent::syncOnce).isInstanceOf(SyncFailure.ServerError.class);
    assertThat(local.applied).extracting(p -> p.stream() + "@" + p.cursor()).containsExactly("CATALOG@1", "CATALOG@2");
    assertThat(local.cursors).containsOnly(entry(Stream.CATALOG, "2"));
    assertThat(agent.state().connection()).isEqualTo(SyncState.Connection.OFFLINE);
  }

  /** A page the store refuses ends the pull there: nothing after it is applied, the error reaches the caller. */
  @Test
  void aPageTheStoreRefusesStopsThePull() {
    pullAnswer = request -> {
      String cursor = request.getRequestUrl().queryParameter("cursor");
      String stream = request.getRequestUrl().pathSegments().get(4);
      int page = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
      return json(new PullResponse(1, Stream.of(stream), Integer.toString(page + 1), false, page < 5, List.of()));
    };
    FeedStore refusing = new ForwardingFeedStore(local) {
      @Override public void apply(PullResponse page) {
        if (page.cursor().equals("2")) {
          throw new IllegalStateException("disk full");
        }
        super.apply(page);
      }
    };

    try (SyncAgent refused = agentWith(refusing)) {
      assertThatThrownBy(refused::syncOnce).hasMessage("disk full");
    }
    assertThat(local.applied).extracting(PullResponse::cursor).containsExactly("1");
  }

  @Test
  void theServersClockIsMergedIntoTheTerminals() throws Exception {
    local.add();
    agent.syncOnce();
    assertThat(hlc.now().physicalMillis()).isEqualTo(NOW.plus(Duration.ofHours(2)).toEpochMilli());
  }

  @Test
  void theAgentKeepsRetryingOnItsOwnThreadUntilTheServerRecovers() {
    local.add();
    pushAnswer = push -> pushes.size() < 4 ? new MockResponse().setResponseCode(503).setHeader("Retry-After", "0")
        : acceptAll(push);
    List<SyncState> seen = new CopyOnWriteArrayList<>();
    agent.addListener(seen::add);

    agent.start();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> local.waiting.isEmpty());
    Awaitility.await().until(() -> agent.state().connection() == SyncState.Connection.ONLINE);
    assertThat(seen).extracting(SyncState::connection).contains(SyncState.Connection.OFFLINE);
  }

  @Test
  void garbageFromTheServerKeepsTheEventsAndTheAgentRecovers() {
    local.add();
    pushAnswer = push -> pushes.size() < 3
        ? new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>captive portal</html>")
        : acceptAll(push);
    List<SyncState> seen = new CopyOnWriteArrayList<>();
    agent.addListener(seen::add);

    agent.start();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> local.waiting.isEmpty());
    assertThat(seen).anySatisfy(state -> {
      assertThat(state.connection()).isEqualTo(SyncState.Connection.OFFLINE);
      assertThat(state.problem()).contains("unexpected answer");
    });
  }

  @Test
  void aBusyServersRetryAfterIsWaitedOut() {
    local.add();
    List<Long> pushedAt = new CopyOnWriteArrayList<>();
    pushAnswer = push -> {
      pushedAt.add(System.nanoTime());
      return pushes.size() == 1 ? new MockResponse().setResponseCode(503).setHeader("Retry-After", "1")
          : acceptAll(push);
    };

    agent.start();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> local.waiting.isEmpty());
    // backoff here is at most 100 ms: only the server's Retry-After explains a second's wait
    assertThat(Duration.ofNanos(pushedAt.get(1) - pushedAt.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBatchStaysWithinTheByteBudget() throws Exception {
    for (int i = 0; i < 5; i++) {
      local.add();
    }
    long budget = MemoryOutbox.size(local.waiting.values().iterator().next()) * 5 / 2;
    agent.close();
    agent = agentWith(local, new SyncSettings(100, budget, 100, Duration.ofSeconds(15), Duration.ofMillis(10),
        Duration.ofMillis(100)));

    agent.syncOnce();

    assertThat(pushes).extracting(p -> p.events().size()).containsExactly(2, 2, 1, 0);
    assertThat(pushes).allSatisfy(p -> assertThat(p.events().stream().mapToLong(MemoryOutbox::size).sum())
        .isLessThanOrEqualTo(budget));
  }

  /** A restarted till that cannot reach the server still knows when it last synced. */
  @Test
  void aRestoredLastSuccessOutlivesAFailedCycle() {
    Instant earlier = NOW.minus(Duration.ofHours(3));
    local.add();
    pushAnswer = push -> new MockResponse().setResponseCode(500);

    agent.restoreLastSuccess(earlier);
    assertThat(agent.state().lastSuccess()).isEqualTo(earlier);
    assertThatThrownBy(agent::syncOnce).isInstanceOf(SyncFailure.ServerError.class);

    assertThat(agent.state().lastSuccess()).isEqualTo(earlier);
    assertThat(agent.state().connection()).isEqualTo(SyncState.Connection.OFFLINE);
  }

  /**
   * Half an hour of Retry-After (and a backoff that may reach an hour): a sale's nudge leaves the
   * failing server alone, an explicit request (re-enrolment, "sync now") goes to it at once.
   */
  @Test
  void anExplicitRequestEndsALongBackoffWhereANudgeDoesNot() throws Exception {
    agent.close();
    agent = agentWith(local, new SyncSettings(2, 1 << 20, 100, Duration.ofSeconds(15), Duration.ofMinutes(1),
        Duration.ofHours(1)));
    local.add();
    pushAnswer = push -> pushes.size() == 1
        ? new MockResponse().setResponseCode(503).setHeader("Retry-After", "1800") : acceptAll(push);

    agent.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agent.untilNextCycle().compareTo(Duration.ofMinutes(29)) > 0);
    agent.syncSoon();

    assertThat(agent.untilNextCycle()).isGreaterThan(Duration.ofMinutes(29));
    assertThat(pushes).hasSize(1);

    agent.syncNow();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agent.state().connection() == SyncState.Connection.ONLINE);
    assertThat(local.waiting).isEmpty();
    assertThat(agent.untilNextCycle()).isLessThanOrEqualTo(Duration.ofSeconds(15));
  }

  /**
   * While the server sits on a push, the cashier's thread still gets the state and its nudges and
   * requests return: the push is held until they have, so a call that waited for the cycle would
   * hang here and trip the timeout.
   */
  @Test
  void theCashiersCallsNeverWaitForAStalledServer() throws Exception {
    CountDownLatch pushArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    local.add();
    pushAnswer = push -> {
      pushArrived.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return acceptAll(push);
    };
    try {
      agent.start();
      assertThat(pushArrived.await(10, TimeUnit.SECONDS)).isTrue();

      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
        agent.syncSoon();
        agent.syncNow();
        assertThat(agent.state().connection()).isEqualTo(SyncState.Connection.OFFLINE);
      });
    } finally {
      release.countDown();
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> local.waiting.isEmpty()
        && agent.state().connection() == SyncState.Connection.ONLINE);
  }
}
