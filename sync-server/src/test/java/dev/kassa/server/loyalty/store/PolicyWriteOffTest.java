package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.loyalty.Conflict;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.SyncFixture;
import dev.kassa.server.testing.Engine;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each overdraft policy does when two tills overspend one card offline. */
class PolicyWriteOffTest {
  private final Events till1 = new Events("store-1", "till-1");
  private final Events till2 = new Events("store-2", "till-2");

  private final SyncEvent earn = till1.entry("card-1", EntryType.EARN, 150, 1, UUID.randomUUID());
  private final SyncEvent spend1 = till1.entry("card-1", EntryType.REDEEM, -100, 2, UUID.randomUUID());
  private final SyncEvent spend2 = till2.entry("card-1", EntryType.REDEEM, -100, 3, UUID.randomUUID());

  private static UUID entryId(SyncEvent event) {
    return ((LedgerEntry) event.payload()).id();
  }

  private static long policyEntries(SyncFixture server) throws SQLException {
    return server.scalar("SELECT COUNT(*) FROM ledger_entries WHERE terminal_id = '" + OverdraftPolicy.TERMINAL + "'");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void underNetTheBalanceStaysNegativeAndTheConflictOpen(Engine engine) throws SQLException {
    try (SyncFixture server = new SyncFixture(engine, OverdraftPolicy.NET)) {
      server.push(till1, List.of(earn, spend1));
      server.push(till2, List.of(spend2));

      assertThat(server.loyalty().balance("card-1", Events.T0).balance()).isEqualTo(-50);
      assertThat(server.loyalty().conflicts(null)).singleElement().satisfies(c -> {
        assertThat(c.status()).isEqualTo(Conflict.Status.OPEN);
        assertThat(c.deficit()).isEqualTo(50);
      });
      assertThat(policyEntries(server)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void underWriteOffTheOverspentPointsAreWrittenOffAtOnceAndTheConflictIsResolvedByThePolicy(Engine engine)
      throws SQLException {
    try (SyncFixture server = new SyncFixture(engine, OverdraftPolicy.WRITE_OFF)) {
      server.push(till1, List.of(earn, spend1));
      server.push(till2, List.of(spend2));

      assertThat(server.loyalty().balance("card-1", Events.T0).balance()).isZero();
      assertThat(server.loyalty().conflicts(null)).singleElement().satisfies(c -> {
        assertThat(c.status()).isEqualTo(Conflict.Status.RESOLVED);
        assertThat(c.resolvedBy()).isEqualTo(OverdraftPolicy.RESOLVER);
        assertThat(c.deficit()).isEqualTo(50);
        assertThat(c.involved()).extracting(Conflict.Involved::entryId)
            .containsExactly(entryId(spend1), entryId(spend2));
      });
      assertThat(server.scalar("SELECT SUM(points) FROM ledger_entries WHERE type = 'ADJUST' AND terminal_id = '"
          + OverdraftPolicy.TERMINAL + "'")).isEqualTo(50);
      // the conflict reaches both stores' conflict feeds as resolved
      assertThat(server.feed.appended).anyMatch(e -> e.stream() == Stream.CONFLICTS && e.storeId().equals("store-1")
          && e.data() != null && e.data().path("status").asText().equals("RESOLVED"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void pushingTheSameBatchesAgainWritesNothingMore(Engine engine) throws SQLException {
    try (SyncFixture server = new SyncFixture(engine, OverdraftPolicy.WRITE_OFF)) {
      for (int round = 0; round < 3; round++) {
        server.push(till1, List.of(earn, spend1));
        server.push(till2, List.of(spend2, spend2));
      }

      assertThat(policyEntries(server)).isEqualTo(1);
      assertThat(server.loyalty().balance("card-1", Events.T0).balance()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAccrualMadeEarlierButPushedLaterTakesTheWriteOffBackWithANewEntry(Engine engine) throws SQLException {
    try (SyncFixture server = new SyncFixture(engine, OverdraftPolicy.WRITE_OFF)) {
      server.push(till2, List.of(spend2));
      assertThat(server.loyalty().balance("card-1", Events.T0).balance()).isZero();

      server.push(till1, List.of(earn));

      assertThat(server.loyalty().balance("card-1", Events.T0).balance()).isEqualTo(50);
      assertThat(server.loyalty().conflicts(null)).isEmpty();
      // append-only: the write-off of 100 stays, and a second entry takes it back
      assertThat(server.scalar("SELECT COUNT(*) FROM ledger_entries WHERE terminal_id = '" + OverdraftPolicy.TERMINAL
          + "' AND points < 0")).isEqualTo(1);
      assertThat(policyEntries(server)).isEqualTo(2);
    }
  }
}
