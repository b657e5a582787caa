package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.model.id.HybridClock;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import dev.kassa.server.store.Database;
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.PushService;
import dev.kassa.server.sync.store.DatabaseTransactions;
import dev.kassa.server.sync.store.PushStore;
import dev.kassa.server.sync.store.RecordingFeed;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card publisher: merges only mark the cards they move; a publisher turn writes each marked
 * card's entity once, as it stands, without waiting for moves still running, whose marks stay for
 * the next turn; turns follow one another, and a turn that fails gives its marks back.
 */
class CardPublisherTest {
  private static final String CARD = "7000077";
  private static final Clock CLOCK = Clock.fixed(Events.T0.plusSeconds(3600), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCardMovedByManyMergesIsPublishedOnceWithItsLastBalance(Engine engine) {
    RecordingFeed feed = new RecordingFeed();
    LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), feed);
    try (Database db = engine.openDatabase()) {
      PushService push = new PushService(new PushStore(new DatabaseTransactions(db), merge, CLOCK),
          new HybridClock(CLOCK), CLOCK);
      Events till = new Events("store-1", "till-1");
      for (int i = 1; i <= 3; i++) {
        send(push, till, List.of(till.entry(CARD, EntryType.EARN, 10, i, null)));
      }
      assertThat(cardEntities(feed)).as("nothing published by the merges themselves").isEmpty();
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).isTrue();

      int taken = publish(db, feed);

      assertThat(taken).as("one mark per merge").isEqualTo(3);
      assertThat(cardEntities(feed)).singleElement()
          .satisfies(e -> assertThat(e.data().path("balance").asLong()).isEqualTo(30));
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).isFalse();
      assertThat(publish(db, feed)).isZero();
      assertThat(cardEntities(feed)).hasSize(1);
    }
  }

  @Test
  void aCardBeingMovedIsPublishedAsCommittedAndStaysMarkedUntilTheMoveIsPublished() throws Exception {
    RecordingFeed feed = new RecordingFeed();
    LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), feed);
    String url = TestPostgres.newDatabaseUrl();
    try (Database db = Database.open(url); Connection moving = DriverManager.getConnection(url)) {
      PushService push = new PushService(new PushStore(new DatabaseTransactions(db), merge, CLOCK),
          new HybridClock(CLOCK), CLOCK);
      Events till = new Events("store-1", "till-1");
      send(push, till, List.of(till.entry(CARD, EntryType.EARN, 10, 1, null)));
      // a merge in progress: it has moved the card and marked it, and not committed yet
      moving.setAutoCommit(false);
      addPoints(moving, 5);
      CardFeedPending.mark(moving, List.of(CARD));

      CompletableFuture<Integer> turn = CompletableFuture.supplyAsync(() -> publish(db, feed));

      assertThat(turn.get(20, TimeUnit.SECONDS)).as("the publisher does not wait for the move").isEqualTo(1);
      assertThat(lastBalance(feed)).isEqualTo(10);
      moving.commit();
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).as("the move's mark outlived the turn").isTrue();
      publish(db, feed);
      assertThat(lastBalance(feed)).isEqualTo(15);
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).isFalse();
    }
  }

  @Test
  void aTurnWaitsForTheTurnBeforeItAndTakesTheMarksThatOneGaveBack() throws Exception {
    RecordingFeed feed = new RecordingFeed();
    LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), feed);
    String url = TestPostgres.newDatabaseUrl();
    try (Database db = Database.open(url); Connection earlier = DriverManager.getConnection(url);
        Connection watch = DriverManager.getConnection(url)) {
      PushService push = new PushService(new PushStore(new DatabaseTransactions(db), merge, CLOCK),
          new HybridClock(CLOCK), CLOCK);
      Events till = new Events("store-1", "till-1");
      send(push, till, List.of(till.entry(CARD, EntryType.EARN, 10, 1, null)));
      // an earlier turn (another server's, say) has taken the mark and not finished
      earlier.setAutoCommit(false);
      ChangeLog.lock(earlier);
      assertThat(CardFeedPending.take(earlier, 10)).containsExactly(CARD);

      CompletableFuture<Integer> turn = CompletableFuture.supplyAsync(() -> publish(db, feed));
      await().atMost(Duration.ofSeconds(20)).until(() -> waitingForALock(watch));
      assertThat(turn).as("the second turn waits for the first").isNotDone();
      earlier.rollback();

      assertThat(turn.get(20, TimeUnit.SECONDS)).as("the mark the failed turn gave back").isEqualTo(1);
      assertThat(lastBalance(feed)).isEqualTo(10);
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void marksAreTakenAtMostALimitAtATimeAndEachOnce(Engine engine) {
    try (Database db = engine.openDatabase()) {
      for (String card : List.of(CARD, "7000078", "7000079")) {
        db.inTransaction(c -> {
          CardFeedPending.mark(c, List.of(card, card));
          return null;
        });
      }

      List<String> first = db.inTransaction(c -> CardFeedPending.take(c, 2));
      boolean leftAfterFirst = db.read(CardFeedPending::any);
      List<String> second = db.inTransaction(c -> CardFeedPending.take(c, 2));

      assertThat(first).hasSize(2);
      assertThat(leftAfterFirst).isTrue();
      assertThat(second).hasSize(1);
      assertThat(db.read(CardFeedPending::any)).isFalse();
      List<String> all = new ArrayList<>(first);
      all.addAll(second);
      assertThat(all).as("a card marked twice in one move is marked once")
          .containsExactlyInAnyOrder(CARD, "7000078", "7000079");
    }
  }

  private static boolean waitingForALock(Connection watch) throws Exception {
    try (PreparedStatement ps = watch.prepareStatement("SELECT count(*) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
        java.sql.ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private static int publish(Database db, FeedWriter feed) {
    return db.inTransaction(c -> new CardPublisher(feed).publishPending(c, 1_000, CLOCK.instant()));
  }

  private static void addPoints(Connection c, long points) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE card_balances SET balance = balance + ? WHERE card_number = ?")) {
      ps.setLong(1, points);
      ps.setString(2, CARD);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static long lastBalance(RecordingFeed feed) {
    List<ChangeLog.Entry> cards = cardEntities(feed);
    assertThat(cards).isNotEmpty();
    return cards.get(cards.size() - 1).data().path("balance").asLong();
  }

  private static List<ChangeLog.Entry> cardEntities(RecordingFeed feed) {
    return feed.appended.stream().filter(e -> e.stream() == Stream.CARDS && e.key().equals(CARD)).toList();
  }

  private static void send(PushService push, Events till, List<SyncEvent> events) {
    PushRequest request = new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), events);
    push.push(till.storeId(), till.terminalId(), SyncCodec.canonicalBytes(request));
  }
}
