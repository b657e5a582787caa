package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sync.EventResult.Outcome;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.PushResponse.ChainStatus;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.sync.SyncFormatException;
import dev.kassa.server.sync.store.EventBodies;
import dev.kassa.server.testing.Engine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PushServiceTest {
  private final Events t1 = new Events("store-1", "t1");

  @ParameterizedTest
  @EnumSource(Engine.class)
  void acceptsNewEventsAndCallsARetryADuplicate(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      List<SyncEvent> batch = List.of(t1.sale("card-1", 10), t1.entry("card-1", EntryType.EARN, 10, 1, null));

      PushResponse first = server.push(t1, batch);
      PushResponse retry = server.push(t1, batch);

      assertThat(first.results()).extracting(r -> r.outcome()).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
      assertThat(retry.results()).extracting(r -> r.outcome()).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);
      assertThat(first.chain()).isEqualTo(ChainStatus.CONTINUOUS);
      assertThat(server.scalar("SELECT COUNT(*) FROM sales")).isEqualTo(1);
      assertThat(server.scalar("SELECT balance FROM card_balances WHERE card_number = 'card-1'")).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void storedEventsBetweenNewOnesAreDuplicatesAndTheNewOnesAreMergedOnce(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent sale = t1.sale("card-1", 10);
      SyncEvent earn = t1.entry("card-1", EntryType.EARN, 10, 1, null);
      server.push(t1, List.of(sale, earn));
      // first and last new, so the server writes the batch as new, meets the stored two, and goes again
      List<SyncEvent> next = List.of(t1.sale("card-1", 20), sale, earn, t1.entry("card-1", EntryType.EARN, 20, 3, null));

      PushResponse response = server.push(t1, next);

      assertThat(response.results()).extracting(r -> r.outcome())
          .containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.ACCEPTED);
      assertThat(response.chain()).isEqualTo(ChainStatus.CONTINUOUS);
      // the entries are kept as their ledger rows only
      assertThat(server.scalar("SELECT COUNT(*) FROM sync_events")).isEqualTo(2);
      assertThat(server.scalar("SELECT COUNT(*) FROM sales")).isEqualTo(2);
      assertThat(server.scalar("SELECT COUNT(*) FROM ledger_entries")).isEqualTo(2);
      assertThat(server.scalar("SELECT balance FROM card_balances WHERE card_number = 'card-1'")).isEqualTo(30);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSaleSentAgainUnderAnotherEventIdIsMergedOnce(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent sale = t1.sale("card-1", 10);
      SyncEvent again = new SyncEvent(java.util.UUID.randomUUID(), sale.hlc(), sale.terminalTime(), sale.storeId(),
          sale.terminalId(), sale.journal(), sale.payload());
      server.push(t1, List.of(sale));

      server.push(t1, List.of(again));

      long total = ((dev.kassa.model.sale.Sale) sale.payload()).total().minor();
      assertThat(server.scalar("SELECT COUNT(*) FROM sales")).isEqualTo(1);
      assertThat(server.scalar("SELECT SUM(total_minor) FROM card_spend_hours WHERE card_number = 'card-1'"))
          .isEqualTo(total);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rejectsTheSameIdWithADifferentPayload(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent original = t1.entry("card-1", EntryType.EARN, 10, 1, null);
      SyncEvent altered = new SyncEvent(original.id(), original.hlc(), original.terminalTime(), original.storeId(),
          original.terminalId(), null, t1.entry("card-1", EntryType.EARN, 99, 1, null).payload());
      server.push(t1, List.of(original));

      PushResponse response = server.push(t1, List.of(altered));

      assertThat(response.results().get(0).outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(response.results().get(0).reason()).contains("different event");
      assertThat(server.scalar("SELECT balance FROM card_balances")).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRetryFormattedDifferentlyOrWithFieldsThisServerDoesNotKnowIsStillADuplicate(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent sale = t1.sale("card-1", 10);
      server.push(t1, List.of(sale));
      var event = (com.fasterxml.jackson.databind.node.ObjectNode) SyncCodec.toTree(sale);
      event.put("addedInAFutureVersion", "x");
      String retried = "{ \"events\" : [ " + event.toPrettyString() + " ], \"terminalId\": \"t1\","
          + " \"chainHead\": {\"seq\": 0, \"hash\": \"\"}, \"batchId\": \"" + java.util.UUID.randomUUID()
          + "\", \"protocolVersion\": 1 }";

      PushResponse response = server.push.push("store-1", "t1", retried.getBytes(StandardCharsets.UTF_8));

      assertThat(response.results()).extracting(r -> r.outcome()).containsExactly(Outcome.DUPLICATE);
      assertThat(server.scalar("SELECT COUNT(*) FROM sales")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void storesEachEventAsTheTerminalSentIt(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent sale = t1.sale("card-1", 10);
      SyncEvent earn = t1.entryUnderItsOwnId("card-1", EntryType.EARN, 10, 1, null);

      server.push(t1, List.of(sale, earn));

      List<byte[]> bodies = server.db.read(c -> {
        List<byte[]> found = new java.util.ArrayList<>();
        try (var ps = c.prepareStatement("SELECT body FROM sync_events WHERE id IN (?, ?) ORDER BY kind DESC")) {
          ps.setString(1, sale.id().toString());
          ps.setString(2, earn.id().toString());
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getBytes(1));
            }
          }
        }
        return found;
      });
      assertThat(bodies).hasSize(2);
      // the sale's body is kept compressed (EventBodies), the small entry's as it came; both read back as sent
      assertThat(bodies.get(0).length).isLessThan(SyncCodec.canonicalBytes(sale).length);
      assertThat(new String(EventBodies.unpack(bodies.get(0)), StandardCharsets.UTF_8))
          .isEqualTo(SyncCodec.toJson(sale));
      assertThat(new String(bodies.get(1), StandardCharsets.UTF_8)).isEqualTo(SyncCodec.toJson(earn));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBodyStoredAsPlainJsonBeforeCompressionStillJudgesARepeat(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent sale = t1.sale("card-1", 10);
      server.push(t1, List.of(sale));
      // as a server before EventBodies stored it: the JSON as sent
      server.db.inTransaction(c -> {
        try (var ps = c.prepareStatement("UPDATE sync_events SET body = ? WHERE id = ?")) {
          ps.setBytes(1, SyncCodec.canonicalBytes(sale));
          ps.setString(2, sale.id().toString());
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return null;
      });
      SyncEvent other = new SyncEvent(sale.id(), sale.hlc(), sale.terminalTime().plusSeconds(1), sale.storeId(),
          sale.terminalId(), sale.journal(), sale.payload());

      PushResponse again = server.push(t1, List.of(sale));
      PushResponse reused = server.push(t1, List.of(other));

      assertThat(again.results()).extracting(r -> r.outcome()).containsExactly(Outcome.DUPLICATE);
      assertThat(reused.results()).extracting(r -> r.outcome()).containsExactly(Outcome.REJECTED);
      assertThat(server.scalar("SELECT COUNT(*) FROM sales")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEntryEventIsKeptOnceAsItsLedgerRowAndARepeatIsComparedWithTheRow(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent sale = t1.sale("card-1", 10);
      SyncEvent earn = t1.entry("card-1", EntryType.EARN, 10, 1, null);
      LedgerEntry entry = (LedgerEntry) earn.payload();
      // the till's clock has microseconds; the ledger keeps milliseconds
      Instant precise = entry.at().plusNanos(123_456);
      LedgerEntry preciseEntry = new LedgerEntry(entry.id(), entry.cardNumber(), entry.type(), entry.points(), precise,
          entry.hlc(), entry.storeId(), entry.terminalId(), entry.saleId(), null, null, null);
      SyncEvent preciseEarn = new SyncEvent(earn.id(), earn.hlc(), precise, earn.storeId(), earn.terminalId(), null,
          preciseEntry);
      SyncEvent otherPoints = new SyncEvent(earn.id(), earn.hlc(), earn.terminalTime(), earn.storeId(),
          earn.terminalId(), null, new LedgerEntry(entry.id(), entry.cardNumber(), entry.type(), 99, entry.at(),
          entry.hlc(), entry.storeId(), entry.terminalId(), entry.saleId(), null, null, null));

      PushResponse first = server.push(t1, List.of(sale, preciseEarn));
      PushResponse retry = server.push(t1, List.of(sale, preciseEarn));
      PushResponse reused = server.push(t1, List.of(otherPoints));

      assertThat(EntryEvents.keptAsEntry(preciseEarn)).isTrue();
      assertThat(first.results()).extracting(r -> r.outcome()).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
      assertThat(retry.results()).extracting(r -> r.outcome()).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);
      assertThat(reused.results().get(0).outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(reused.results().get(0).reason()).contains("different event");
      assertThat(server.scalar("SELECT COUNT(*) FROM sync_events WHERE id = '" + earn.id() + "'")).isZero();
      assertThat(server.scalar("SELECT COUNT(*) FROM ledger_entries WHERE id = '" + earn.id() + "' AND event_id = id"))
          .isEqualTo(1);
      assertThat(server.scalar("SELECT balance FROM card_balances WHERE card_number = 'card-1'")).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEntryEventUnderAnIdOfItsOwnIsKeptAsAnEventAndMergedOnce(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent earn = t1.entryUnderItsOwnId("card-1", EntryType.EARN, 10, 1, null);
      LedgerEntry entry = (LedgerEntry) earn.payload();
      // the same entry later sent the way agents send entries now
      SyncEvent asEntry = new SyncEvent(entry.id(), entry.hlc(), entry.at(), earn.storeId(), earn.terminalId(), null,
          entry);

      PushResponse first = server.push(t1, List.of(earn));
      PushResponse retry = server.push(t1, List.of(earn));
      PushResponse again = server.push(t1, List.of(asEntry));

      assertThat(EntryEvents.keptAsEntry(earn)).isFalse();
      assertThat(first.results().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(retry.results().get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(again.results().get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(server.scalar("SELECT COUNT(*) FROM sync_events WHERE id = '" + earn.id() + "'")).isEqualTo(1);
      assertThat(server.scalar("SELECT COUNT(*) FROM ledger_entries")).isEqualTo(1);
      assertThat(server.scalar("SELECT balance FROM card_balances WHERE card_number = 'card-1'")).isEqualTo(10);
    }
  }

  @Test
  void aSaleBodyIsStoredInlineAndUncompressedOnPostgres() throws Exception {
    try (SyncFixture server = new SyncFixture(Engine.POSTGRESQL)) {
      SyncEvent sale = t1.sale("card-1", 10);
      int length = SyncCodec.toJson(sale).getBytes(StandardCharsets.UTF_8).length;

      server.push(t1, List.of(sale));

      // over the default TOAST target of 2 KB, so without V34 PostgreSQL would compress it (pglz)
      assertThat(length).isGreaterThan(2_100);
      assertThat(server.scalar("SELECT COUNT(*) FROM sync_events WHERE kind = 'sale'"
          + " AND pg_column_compression(body) IS NULL AND pg_column_size(body) > octet_length(body)")).isEqualTo(1);
      assertThat(server.scalar("SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'sync_events'"))
          .isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rejectsEventsOfAnotherStoreOrTerminalAndUnknownKindsOneByOne(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      Events foreign = new Events("store-2", "t1");
      Events sibling = new Events("store-1", "t2");
      SyncEvent good = t1.entryUnderItsOwnId("card-1", EntryType.EARN, 5, 1, null);
      String json = SyncCodec.toJson(new dev.kassa.model.sync.PushRequest(1, java.util.UUID.randomUUID(), "t1",
          new dev.kassa.model.sync.ChainHead(0, ""), List.of(good, foreign.entry("c", EntryType.EARN, 1, 1, null),
          sibling.entry("c", EntryType.EARN, 1, 1, null))));
      String unknown = "{\"id\":\"0190a000-0000-7000-8000-000000000001\",\"hlc\":1,\"terminalTime\":\"2026-11-30T10:00:00Z\","
          + "\"storeId\":\"store-1\",\"terminalId\":\"t1\",\"payload\":{\"kind\":\"teleport\",\"x\":1}}";
      String invalid = "{\"id\":\"0190a000-0000-7000-8000-000000000002\",\"hlc\":-5}";
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) SyncCodec.mapper().readTree(json);
      root.withArray("events").add(SyncCodec.mapper().readTree(unknown)).add(SyncCodec.mapper().readTree(invalid));
      json = root.toString();

      PushResponse response = server.push.push("store-1", "t1", json.getBytes(StandardCharsets.UTF_8));

      assertThat(response.results()).extracting(r -> r.outcome())
          .containsExactly(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED);
      assertThat(response.results().get(1).reason()).startsWith("wrong store");
      assertThat(response.results().get(2).reason()).startsWith("wrong terminal");
      assertThat(response.results().get(3).reason()).startsWith("unknown kind: teleport");
      assertThat(response.results().get(4).reason()).startsWith("invalid: ");
      assertThat(server.scalar("SELECT COUNT(*) FROM sync_events")).isEqualTo(1);
      // the invalid event made the decoder bind each event on its own: the good one is still stored as sent
      byte[] stored = server.db.read(c -> {
        try (var ps = c.prepareStatement("SELECT body FROM sync_events")) {
          try (var rs = ps.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
          }
        }
      });
      assertThat(new String(EventBodies.unpack(stored), StandardCharsets.UTF_8)).isEqualTo(SyncCodec.toJson(good));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEventWithANulInItsTextIsRejectedAloneAndTheRestStored(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent before = t1.entry("card-1", EntryType.EARN, 5, 1, null);
      SyncEvent withNul = t1.enrol("card-\u00002", "+7000", 2);
      SyncEvent after = t1.entry("card-1", EntryType.EARN, 5, 3, null);

      PushResponse response = server.push(t1, List.of(before, withNul, after));

      assertThat(response.results()).extracting(r -> r.outcome())
          .containsExactly(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.ACCEPTED);
      assertThat(response.results().get(1).reason()).contains("NUL");
      assertThat(server.scalar("SELECT COUNT(*) FROM ledger_entries")).isEqualTo(2);
      assertThat(server.scalar("SELECT COUNT(*) FROM member_enrolments")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesAMalformedBatchAsAWhole(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {

      assertThatThrownBy(() -> server.push.push("store-1", "t1", "{\"events\": [".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SyncFormatException.class);
      assertThatThrownBy(() -> server.push.push("store-1", "t1", "{\"protocolVersion\": 1}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SyncFormatException.class).hasMessageContaining("batchId");
      String good = SyncCodec.toJson(t1.entry("card-1", EntryType.EARN, 10, 1, null));
      String cutInside = "{\"protocolVersion\": 1, \"batchId\": \"" + java.util.UUID.randomUUID() + "\","
          + " \"terminalId\": \"t1\", \"chainHead\": {\"seq\": 0, \"hash\": \"\"}, \"events\": [" + good
          + ", {\"id\": \"0190a000-0000-7000-8000-000000000003\", \"hlc\": ]}";
      assertThatThrownBy(() -> server.push.push("store-1", "t1", cutInside.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SyncFormatException.class).hasMessageContaining("malformed JSON");
      String trailing = "{\"protocolVersion\": 1, \"batchId\": \"" + java.util.UUID.randomUUID() + "\","
          + " \"terminalId\": \"t1\", \"chainHead\": {\"seq\": 0, \"hash\": \"\"}, \"events\": [" + good + "]} {}";
      assertThatThrownBy(() -> server.push.push("store-1", "t1", trailing.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SyncFormatException.class).hasMessageContaining("malformed JSON");
      String scalarEvent = "{\"protocolVersion\": 1, \"batchId\": \"" + java.util.UUID.randomUUID() + "\","
          + " \"terminalId\": \"t1\", \"chainHead\": {\"seq\": 0, \"hash\": \"\"}, \"events\": [" + good + ", 7]}";
      assertThatThrownBy(() -> server.push.push("store-1", "t1", scalarEvent.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(SyncFormatException.class).hasMessageContaining("events[1]");
      assertThat(server.scalar("SELECT COUNT(*) FROM sync_events")).isZero();
      assertThat(server.scalar("SELECT COUNT(*) FROM ledger_entries")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void flagsAGapUntilTheMissingDocumentArrivesWhateverTheOrder(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      SyncEvent s1 = t1.sale(null, 0);
      SyncEvent s2 = t1.sale(null, 0);
      SyncEvent s3 = t1.sale(null, 0);

      assertThat(server.push(t1, List.of(s1, s3)).chain()).isEqualTo(ChainStatus.GAP);
      assertThat(server.push(t1, List.of(s2)).chain()).isEqualTo(ChainStatus.CONTINUOUS);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void flagsAForkWhenTwoDocumentsClaimOneSeq(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      Events restoredFromBackup = new Events("store-1", "t1");
      server.push(t1, List.of(t1.sale(null, 0), t1.sale(null, 0)));
      restoredFromBackup.sale(null, 0);

      PushResponse response = server.push(t1, List.of(restoredFromBackup.sale(null, 0)));

      assertThat(response.results().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(response.chain()).isEqualTo(ChainStatus.FORK);
      assertThat(server.scalar("SELECT COUNT(*) FROM journal_forks WHERE seq = 2")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesBatchesOfAnotherTerminal(Engine engine) {
    try (SyncFixture server = new SyncFixture(engine)) {
      Events other = new Events("store-1", "t2");

      assertThatThrownBy(() -> server.push.push("store-1", "t1", SyncCodec.canonicalBytes(
          new dev.kassa.model.sync.PushRequest(1, java.util.UUID.randomUUID(), "t2",
              new dev.kassa.model.sync.ChainHead(0, ""), List.of(other.sale(null, 0))))))
          .isInstanceOf(PushRefused.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTillHoursFastDoesNotDragTheServersClockAlong(Engine engine) throws Exception {
    try (SyncFixture server = new SyncFixture(engine)) {
      long twoHoursAhead = System.currentTimeMillis() + java.time.Duration.ofHours(2).toMillis();
      dev.kassa.model.id.Hlc fast = dev.kassa.model.id.Hlc.of(twoHoursAhead, 0);
      SyncEvent e = t1.entry("card-1", EntryType.EARN, 10, 1, null);
      SyncEvent fromFastTill = new SyncEvent(e.id(), fast, e.terminalTime(), e.storeId(), e.terminalId(), null,
          e.payload());

      PushResponse response = server.push(t1, List.of(fromFastTill));

      assertThat(response.results().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(response.serverTime().physicalMillis()).isLessThan(twoHoursAhead - 60_000);
    }
  }
}
