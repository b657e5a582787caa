package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.ledger.PointsLedger;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.SyncFixture;
import dev.kassa.server.testing.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoyaltyStoreTest {
  private final Events till1 = new Events("store-1", "till-1");
  private final Events till2 = new Events("store-1", "till-2");

  private static LoyaltyStore loyalty(SyncFixture server) {
    return new LoyaltyStore(server.tx, new LoyaltyMerge(new LinePointsCheck(), server.feed), server.feed);
  }

  private static SyncEvent earn(Events till, UUID entryId, String card, long points, Instant expiresAt) {
    Hlc hlc = Events.hlc(1);
    LedgerEntry entry = new LedgerEntry(entryId, card, EntryType.EARN, points, Events.T0, hlc, till.storeId(),
        till.terminalId(), null, null, expiresAt, null);
    return new SyncEvent(UUID.randomUUID(), hlc, Events.T0, till.storeId(), till.terminalId(), null, entry);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void expiredPointsLeaveOnceWhoeverWritesTheExpiry(Engine engine) {
    try (SyncFixture server = new SyncFixture(engine)) {
      LoyaltyStore loyalty = loyalty(server);
      UUID earnId = UUID.randomUUID();
      server.push(till1, List.of(earn(till1, earnId, "c1", 100, Events.T0.plus(Duration.ofDays(1))),
          earn(till1, UUID.randomUUID(), "c1", 30, null)));
      Instant later = Events.T0.plus(Duration.ofDays(2));

      assertThat(loyalty.expirePoints(later)).isEqualTo(1);
      assertThat(loyalty.expirePoints(later)).isZero();
      // the till derived the same expiry offline and pushes it: same entry id, counted once
      LedgerEntry sameExpiry = new LedgerEntry(PointsLedger.expiryId(earnId), "c1", EntryType.EXPIRE, -100,
          Events.T0.plus(Duration.ofDays(1)), Events.hlc(86_400_000), "store-1", "till-1", null, null, null, null);
      server.push(till1, List.of(new SyncEvent(UUID.randomUUID(), Events.hlc(86_400_000), later, "store-1", "till-1",
          null, sameExpiry)));

      assertThat(loyalty.balance("c1", later).balance()).isEqualTo(30);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aHoldStopsCountingWhenItTimesOut(Engine engine) {
    try (SyncFixture server = new SyncFixture(engine)) {
      LoyaltyStore loyalty = loyalty(server);
      server.push(till1, List.of(earn(till1, UUID.randomUUID(), "c2", 50, null)));
      Instant now = Instant.parse("2026-11-30T12:00:00Z");
      ReservationRequest request = new ReservationRequest(UUID.randomUUID(), "c2", 50, UUID.randomUUID());

      assertThat(loyalty.hold(request, "store-1", "till-1", Duration.ofMinutes(1), now).reservation().status())
          .isEqualTo(Reservation.Status.HELD);
      assertThat(loyalty.balance("c2", now.plusSeconds(30)).available()).isZero();
      assertThat(loyalty.balance("c2", now.plusSeconds(61)).available()).isEqualTo(50);
      assertThat(loyalty.voidHold(request.id(), now.plusSeconds(61)).orElseThrow().status())
          .isEqualTo(Reservation.Status.EXPIRED);
      assertThat(loyalty.expireHolds(now.plusSeconds(61))).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPhoneEnrolledOnTwoTillsIsOneMemberWithOneBalance(Engine engine) {
    try (SyncFixture server = new SyncFixture(engine)) {
      LoyaltyStore loyalty = loyalty(server);
      server.push(till2, List.of(till2.enrol("card-b", "+79001112233", 200), earn(till2, UUID.randomUUID(), "card-b",
          20, null)));
      server.push(till1, List.of(till1.enrol("card-a", "+79001112233", 100), earn(till1, UUID.randomUUID(), "card-a",
          10, null)));

      assertThat(loyalty.balance("card-a", Events.T0).balance()).isEqualTo(30);
      assertThat(loyalty.balance("card-b", Events.T0).balance()).isEqualTo(30);
      assertThat(loyalty.balances()).containsEntry("card-a", 30L).containsEntry("card-b", 30L);
    }
  }
}
