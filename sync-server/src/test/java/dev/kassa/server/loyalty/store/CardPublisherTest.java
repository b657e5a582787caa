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
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.PushService;
import dev.kassa.server.sync.store.DatabaseTransactions;
import dev.kassa.server.sync.store.PushStore;
import dev.kassa.server.sync.store.RecordingFeed;
import dev.kassa.server.store.Database;
import dev.kassa.server.testing.Engine;
import dev.kassa.server.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card publisher: merges only mark the cards they move; a publisher turn writes each marked
 * card's entity once, as it stands, and never before a move it cannot see yet has committed.
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
      assertThat(db.read(merge::cardsPending)).isTrue();

      int taken = db.inTransaction(c -> merge.publishPending(c, 1_000, false, CLOCK.instant()));

      assertThat(taken).isEqualTo(1);
      assertThat(cardEntities(feed)).singleElement()
          .satisfies(e -> assertThat(e.data().path("balance").asLong()).isEqualTo(30));
      assertThat(db.read(merge::cardsPending)).isFalse();
      int again = db.inTransaction(c -> merge.publishPending(c, 1_000, false, CLOCK.instant()));
      assertThat(again).isZero();
      assertThat(cardEntities(feed)).hasSize(1);
    }
  }

  @Test
  void thePublisherNeverPublishesACardBeforeAMoveItCannotSeeHasCommitted() throws Exception {
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
      try (PreparedStatement ps = moving.prepareStatement(
          "UPDATE card_balances SET balance = balance + 5 WHERE card_number = ?")) {
        ps.setString(1, CARD);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      CardFeedPending.mark(moving, List.of(CARD), CLOCK.millis());

      int skipping = db.inTransaction(c -> merge.publishPending(c, 1_000, false, CLOCK.instant()));
      assertThat(skipping).as("the background publisher leaves a card whose mark is held for its next turn").isZero();
      CompletableFuture<Integer> pull = CompletableFuture.supplyAsync(
          () -> db.inTransaction(c -> merge.publishPending(c, 1_000, true, CLOCK.instant())));
      await().atMost(Duration.ofSeconds(20)).until(() -> waitingForALock(db));
      moving.commit();

      assertThat(pull.get()).isEqualTo(1);
      assertThat(cardEntities(feed)).singleElement()
          .satisfies(e -> assertThat(e.data().path("balance").asLong()).isEqualTo(15));
    }
  }

  private static boolean waitingForALock(Database db) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    });
  }

  private static List<ChangeLog.Entry> cardEntities(RecordingFeed feed) {
    return feed.appended.stream().filter(e -> e.stream() == Stream.CARDS && e.key().equals(CARD)).toList();
  }

  private static void send(PushService push, Events till, List<SyncEvent> events) {
    PushRequest request = new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), events);
    push.push(till.storeId(), till.terminalId(), SyncCodec.canonicalBytes(request));
  }
}
