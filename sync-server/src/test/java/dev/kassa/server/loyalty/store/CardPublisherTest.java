package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card publisher: merges only mark the cards they move; a publisher turn writes each marked
 * card's entity once, as it stands, without waiting for moves still running, and a card moved
 * after its mark was read stays marked for the next turn.
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

      int taken = publish(db, feed).marks();

      assertThat(taken).isEqualTo(1);
      assertThat(cardEntities(feed)).singleElement()
          .satisfies(e -> assertThat(e.data().path("balance").asLong()).isEqualTo(30));
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).isFalse();
      assertThat(publish(db, feed).marks()).isZero();
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
      CardFeedPending.mark(moving, List.of(CARD), CLOCK.millis());

      CompletableFuture<CardPublisher.PublishTurn> turn = CompletableFuture.supplyAsync(() -> publish(db, feed));

      assertThat(turn.get(20, TimeUnit.SECONDS).marks()).as("the publisher does not wait for the move").isEqualTo(1);
      assertThat(lastBalance(feed)).isEqualTo(10);
      moving.commit();
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).as("the move's mark outlived the turn").isTrue();
      publish(db, feed);
      assertThat(lastBalance(feed)).isEqualTo(15);
      assertThat(db.read(new CardPublisher(feed)::cardsPending)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aMarkRaisedAfterThePublisherReadItIsNotRemoved(Engine engine) {
    try (Database db = engine.openDatabase()) {
      db.inTransaction(c -> {
        CardFeedPending.mark(c, List.of(CARD, "7000078"), CLOCK.millis());
        return null;
      });
      List<CardFeedPending.Mark> read = db.read(c -> CardFeedPending.after(c, null, 10));
      db.inTransaction(c -> {
        CardFeedPending.mark(c, List.of(CARD), CLOCK.millis());
        return null;
      });

      int removed = db.inTransaction(c -> CardFeedPending.unmark(c, read));

      assertThat(removed).isEqualTo(1);
      List<CardFeedPending.Mark> left = db.read(c -> CardFeedPending.after(c, null, 10));
      assertThat(left).extracting(CardFeedPending.Mark::card).containsExactly(CARD);
    }
  }

  private static CardPublisher.PublishTurn publish(Database db, FeedWriter feed) {
    return db.inTransaction(c -> new CardPublisher(feed).publishPending(c, null, 1_000, CLOCK.instant()));
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
