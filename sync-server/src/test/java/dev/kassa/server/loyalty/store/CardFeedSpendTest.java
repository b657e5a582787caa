package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sale.Sale;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cards feed carries what the server's points recompute reads of a card, so a terminal can tier alike. */
class CardFeedSpendTest {
  private static final String CARD = "7000042";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void afterSalesTheCardEntityCarriesSpendFirstPurchaseAndBirthday(Engine engine) {
    Clock clock = Clock.fixed(Events.T0.plusSeconds(3600), ZoneOffset.UTC);
    RecordingFeed feed = new RecordingFeed();
    try (Database db = engine.openDatabase()) {
      LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), feed);
      PushService push = pushService(db, merge, clock);
      Events till = new Events("store-1", "till-1");
      SyncEvent enrol = enrolmentBornOn17May1990();
      SyncEvent first = till.sale(CARD, 120);
      SyncEvent earn = till.entry(CARD, EntryType.EARN, 120, 1, first.id());
      send(push, till, List.of(enrol, first, earn));
      publish(db, feed, clock);
      JsonNode afterFirst = lastCard(feed);
      // a sale that moves no points still moves the spend
      SyncEvent second = till.sale(CARD, 0);
      send(push, till, List.of(second));
      publish(db, feed, clock);
      JsonNode afterSecond = lastCard(feed);

      long firstTotal = ((Sale) first.payload()).total().minor();
      long bothTotals = firstTotal + ((Sale) second.payload()).total().minor();
      assertThat(afterFirst.path("spend12m").asLong()).isEqualTo(firstTotal);
      assertThat(afterSecond.path("spend12m").asLong()).isEqualTo(bothTotals);
      assertThat(afterSecond.path("firstPurchaseAt").asText()).isEqualTo(((Sale) first.payload()).createdAt().toString());
      assertThat(afterSecond.path("birthday").asText()).isEqualTo("1990-05-17");
      assertThat(afterSecond.path("balance").asLong()).isEqualTo(120);
      CompiledProgram program = CompiledProgram.compile(DemoProgram.load());
      assertThat(program.tierFor(afterSecond.path("spend12m").asLong())).isEqualTo(program.tierFor(bothTotals));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCardThatNeverBoughtHasNoSpendAndNoFirstPurchase(Engine engine) {
    Clock clock = Clock.fixed(Events.T0.plusSeconds(3600), ZoneOffset.UTC);
    RecordingFeed feed = new RecordingFeed();
    try (Database db = engine.openDatabase()) {
      LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), feed);
      PushService push = pushService(db, merge, clock);
      Events till = new Events("store-1", "till-1");
      send(push, till, List.of(till.enrol(CARD, "+79990000042", 1)));
      publish(db, feed, clock);

      JsonNode card = lastCard(feed);
      assertThat(card.path("spend12m").asLong(-1)).isZero();
      assertThat(card.has("firstPurchaseAt")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCardShowsTheBirthdayItWasIssuedWithUnlessItsMemberGaveOneWhenEnrolling(Engine engine) {
    Clock clock = Clock.fixed(Events.T0.plusSeconds(3600), ZoneOffset.UTC);
    RecordingFeed feed = new RecordingFeed();
    String issuedOnly = "7000043";
    try (Database db = engine.openDatabase()) {
      db.inTransaction(c -> {
        try (var ps = c.prepareStatement("INSERT INTO cards (card_number, serial, status, birthday, issued_at)"
            + " VALUES (?, ?, 'ACTIVE', '1985-01-02', 0)")) {
          for (String card : List.of(CARD, issuedOnly)) {
            ps.setString(1, card);
            ps.setLong(2, Long.parseLong(card));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return null;
      });
      LoyaltyMerge merge = new LoyaltyMerge(new LinePointsCheck(), feed);
      PushService push = pushService(db, merge, clock);
      Events till = new Events("store-1", "till-1");
      SyncEvent enrol = enrolmentBornOn17May1990();
      send(push, till, List.of(enrol, till.sale(CARD, 0), till.sale(issuedOnly, 0)));
      publish(db, feed, clock);

      assertThat(lastCard(feed, CARD).path("birthday").asText()).isEqualTo("1990-05-17");
      assertThat(lastCard(feed, issuedOnly).path("birthday").asText()).isEqualTo("1985-01-02");
    }
  }

  private static PushService pushService(Database db, LoyaltyMerge merge, Clock clock) {
    return new PushService(new PushStore(new DatabaseTransactions(db), merge, clock), new HybridClock(clock), clock);
  }

  /** {@link #CARD} enrolled at till-1 by a member who gave 1990-05-17 as her birthday. */
  private static SyncEvent enrolmentBornOn17May1990() {
    return new SyncEvent(UUID.randomUUID(), Events.hlc(0), Events.T0, "store-1", "till-1", null,
        new MemberEnrolled(CARD, "Member", "+79990000042", LocalDate.of(1990, 5, 17), null, "store-1", "till-1",
            Events.T0));
  }

  private static void send(PushService push, Events till, List<SyncEvent> events) {
    PushRequest request = new PushRequest(1, UUID.randomUUID(), till.terminalId(), new ChainHead(0, ""), events);
    push.push(till.storeId(), till.terminalId(), SyncCodec.canonicalBytes(request));
  }

  /** The card publisher's turn: the merges only marked the cards. */
  private static void publish(Database db, FeedWriter feed, Clock clock) {
    db.inTransaction(c -> new CardPublisher(feed).publishPending(c, 1_000, clock.instant()));
  }

  private static JsonNode lastCard(RecordingFeed feed) {
    return lastCard(feed, CARD);
  }

  private static JsonNode lastCard(RecordingFeed feed, String card) {
    List<ChangeLog.Entry> cards = feed.appended.stream()
        .filter(e -> e.stream() == Stream.CARDS && e.key().equals(card)).toList();
    assertThat(cards).isNotEmpty();
    return cards.get(cards.size() - 1).data();
  }
}
