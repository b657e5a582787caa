package dev.kassa.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.Change;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedPages;
import dev.kassa.server.store.Database;
import dev.kassa.server.sync.store.DatabaseTransactions;
import dev.kassa.server.testing.Engine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeedServiceTest {

  private static JsonNode data(String value) {
    return SyncCodec.toTree(Map.of("v", value));
  }

  private static void write(Database db, Stream stream, String store, String key, String value) {
    db.inTransaction(c -> {
      ChangeLog.append(c, stream, store, "product", key, value == null ? null : data(value));
      return null;
    });
  }

  /** A page as the terminal reads it: through the wire bytes the server sends. */
  private static PullResponse pull(FeedService feed, Stream stream, String store, String cursor, int limit) {
    return SyncCodec.fromJson(SyncCodec.canonicalBytes(feed.pull(stream, store, cursor, limit)), PullResponse.class);
  }

  /**
   * The server passes each entity's stored JSON through unparsed; the page must read as the
   * protocol's {@link PullResponse} with the entity parsed and written again, as servers before
   * did it, so every terminal reads the page the same. (The bytes differ only in how a character
   * beyond the BMP is spelled: as stored, or as an escaped surrogate pair; both read the same.)
   */
  @Test
  void aPageOnTheWireReadsAsTheProtocolsPullResponse() {
    try (Database db = Engine.SQLITE.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      Map<String, Object> entity = new LinkedHashMap<>();
      entity.put("name", "K\u00e4se \"alt\" </script> \u2028 \uD83E\uDDC0");
      entity.put("price", Map.of("minor", 1250, "currency", "EUR"));
      entity.put("weight", 0.25);
      entity.put("barcodes", List.of("4600000000015", "4600000000022"));
      db.inTransaction(c -> {
        ChangeLog.append(c, Stream.CATALOG, null, "product", "a", SyncCodec.toTree(entity));
        ChangeLog.append(c, Stream.CATALOG, null, "product", "b", data("b"));
        return null;
      });
      write(db, Stream.CATALOG, null, "b", null);
      String cursor = feed.pull(Stream.CATALOG, "store-1", "", 10).cursor();
      write(db, Stream.CATALOG, null, "c", "c1");

      for (String from : List.of("", cursor)) {
        FeedPage page = feed.pull(Stream.CATALOG, "store-1", from, 10);
        List<Change> parsed = page.changes().stream()
            .map(item -> item.deleted() ? Change.tombstone(item.kind(), item.key())
                : new Change(item.kind(), item.key(), false, SyncCodec.fromJson(item.data(), JsonNode.class)))
            .toList();
        PullResponse before = new PullResponse(page.protocolVersion(), page.stream(), page.cursor(), page.snapshot(),
            page.hasMore(), parsed);

        assertThat(SyncCodec.fromJson(SyncCodec.canonicalBytes(page), JsonNode.class))
            .isEqualTo(SyncCodec.fromJson(SyncCodec.canonicalBytes(before), JsonNode.class));
        assertThat(SyncCodec.fromJson(SyncCodec.canonicalBytes(page), PullResponse.class)).isEqualTo(before);
      }
      assertThat(pull(feed, Stream.CATALOG, "store-1", "", 10).changes().get(0).data().get("name").asText())
          .isEqualTo("K\u00e4se \"alt\" </script> \u2028 \uD83E\uDDC0");
    }
  }

  /** Pulls until hasMore is false; returns every change seen and leaves the last cursor in {@code cursor[0]}. */
  private static List<Change> pullAll(FeedService feed, Stream stream, String store, String[] cursor, int limit) {
    List<Change> seen = new ArrayList<>();
    PullResponse page;
    do {
      page = pull(feed, stream, store, cursor[0], limit);
      seen.addAll(page.changes());
      cursor[0] = page.cursor();
    } while (page.hasMore());
    return seen;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNewTerminalGetsASnapshotOfLiveEntitiesThenOnlyTheChanges(Engine engine) {
    try (Database db = engine.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      write(db, Stream.CATALOG, null, "a", "a1");
      write(db, Stream.CATALOG, null, "b", "b1");
      write(db, Stream.CATALOG, null, "a", "a2");
      write(db, Stream.CATALOG, null, "c", "c1");
      write(db, Stream.CATALOG, null, "b", null);
      String[] cursor = {""};

      PullResponse first = pull(feed, Stream.CATALOG, "store-1", "", 1);
      List<Change> snapshot = new ArrayList<>(first.changes());
      cursor[0] = first.cursor();
      snapshot.addAll(pullAll(feed, Stream.CATALOG, "store-1", cursor, 1));

      assertThat(first.snapshot()).isTrue();
      assertThat(snapshot).extracting(Change::key).containsExactly("a", "c");
      assertThat(snapshot.get(0).data().get("v").asText()).isEqualTo("a2");

      write(db, Stream.CATALOG, null, "d", "d1");
      write(db, Stream.CATALOG, null, "a", null);
      List<Change> next = pullAll(feed, Stream.CATALOG, "store-1", cursor, 10);

      assertThat(next).extracting(Change::key).containsExactly("d", "a");
      assertThat(next.get(1).deleted()).isTrue();
      assertThat(pullAll(feed, Stream.CATALOG, "store-1", cursor, 10)).isEmpty();
    }
  }

  /**
   * A snapshot shows each entity as it is when its page is read; what changes while the terminal
   * pages through it comes again in the pull after it (from the seq the snapshot began at), so the
   * terminal ends with every entity's latest state. Other stores' versions are never shown, and
   * this store's own tombstone hides the version for every store it came after (c).
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void whatChangesDuringASnapshotComesInThePullAfterItAndOtherStoresVersionsNever(Engine engine) {
    try (Database db = engine.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      write(db, Stream.CATALOG, null, "a", "a1");
      write(db, Stream.CATALOG, "store-2", "a", "a-store-2");
      write(db, Stream.CATALOG, null, "b", "b1");
      write(db, Stream.CATALOG, null, "c", "c1");
      write(db, Stream.CATALOG, "store-1", "c", null);
      write(db, Stream.CATALOG, null, "d", "d1");

      PullResponse first = pull(feed, Stream.CATALOG, "store-1", "", 1);
      write(db, Stream.CATALOG, null, "a", "a2");
      write(db, Stream.CATALOG, null, "b", "b2");
      write(db, Stream.CATALOG, null, "d", null);
      write(db, Stream.CATALOG, null, "e", "e1");
      String[] cursor = {first.cursor()};
      List<Change> snapshot = new ArrayList<>(first.changes());
      snapshot.addAll(pullAll(feed, Stream.CATALOG, "store-1", cursor, 1));
      List<Change> after = pullAll(feed, Stream.CATALOG, "store-1", cursor, 10);

      assertThat(snapshot).extracting(change -> change.key() + "=" + change.data().get("v").asText())
          .containsExactly("a=a1", "b=b2", "e=e1");
      assertThat(after)
          .extracting(change -> change.key() + (change.deleted() ? " deleted" : "=" + change.data().get("v").asText()))
          .containsExactly("a=a2", "b=b2", "d deleted", "e=e1");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void snapshotPagesCrossFromOneKindToTheNextInKindThenKeyOrder(Engine engine) {
    try (Database db = engine.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      db.inTransaction(c -> {
        ChangeLog.append(c, Stream.CATALOG, null, "vat_rate", "VAT20", data("v"));
        ChangeLog.append(c, Stream.CATALOG, null, "product", "b", data("b"));
        ChangeLog.append(c, Stream.CATALOG, null, "category", "z", data("z"));
        ChangeLog.append(c, Stream.CATALOG, null, "product", "a", data("a"));
        ChangeLog.append(c, Stream.CATALOG, null, "category", "y", data("y"));
        return null;
      });
      String[] cursor = {""};

      List<Change> snapshot = pullAll(feed, Stream.CATALOG, "store-1", cursor, 2);

      assertThat(snapshot).extracting(change -> change.kind() + "/" + change.key())
          .containsExactly("category/y", "category/z", "product/a", "product/b", "vat_rate/VAT20");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aStoreSeesItsOwnAndChainWideChangesOnly(Engine engine) {
    try (Database db = engine.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      write(db, Stream.CONFLICTS, "store-1", "x", "mine");
      write(db, Stream.CONFLICTS, "store-2", "y", "theirs");
      write(db, Stream.CONFLICTS, null, "z", "everyone's");

      assertThat(pull(feed, Stream.CONFLICTS, "store-1", "", 100).changes()).extracting(Change::key)
          .containsExactly("x", "z");
      assertThat(pull(feed, Stream.CONFLICTS, "store-1", FeedCursor.following(Stream.CONFLICTS, 0).encode(), 100)
          .changes()).extracting(Change::key).containsExactly("x", "z");
    }
  }

  /** Compaction removes old tombstones only: a cursor older than one must take a snapshot, others go on. */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCursorOlderThanACompactedTombstoneMustTakeASnapshot(Engine engine) {
    try (Database db = engine.openDatabase()) {
      FeedPages pages = new FeedPages(new DatabaseTransactions(db));
      FeedService feed = new FeedService(pages);
      String old = pull(feed, Stream.CATALOG, "store-1", "", 10).cursor();
      write(db, Stream.CATALOG, null, "a", "a1");
      write(db, Stream.CATALOG, null, "a", "a2");
      write(db, Stream.CATALOG, null, "b", "b1");
      write(db, Stream.CATALOG, null, "b", null);
      String recent = pull(feed, Stream.CATALOG, "store-1", old, 10).cursor();
      write(db, Stream.CATALOG, null, "c", "c1");

      assertThat(pages.compact(System.currentTimeMillis() + 1)).isEqualTo(1);

      assertThatThrownBy(() -> pull(feed, Stream.CATALOG, "store-1", old, 10)).isInstanceOf(FeedService.CursorExpired.class);
      assertThat(pull(feed, Stream.CATALOG, "store-1", recent, 10).changes()).extracting(Change::key)
          .containsExactly("c");
      assertThat(pull(feed, Stream.CATALOG, "store-1", "", 10).changes()).extracting(c -> c.data().get("v").asText())
          .containsExactly("a2", "c1");
    }
  }

  /**
   * The feed is brought up to date before the first page of a pull, not before the pages that go
   * on with it: a snapshot's later pages read only what was there at its first, and a page the
   * terminal says continues its pull reads what the first one's catch-up published, and more.
   */
  @Test
  void onlyThePageThatBeginsAPullBringsTheFeedUpToDate() {
    try (Database db = Engine.SQLITE.openDatabase()) {
      AtomicInteger catchUps = new AtomicInteger();
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)),
          Map.of(Stream.CATALOG, catchUps::incrementAndGet));
      for (String key : List.of("a", "b", "c")) {
        write(db, Stream.CATALOG, null, key, key + "1");
      }

      FeedPage first = feed.pull(Stream.CATALOG, "store-1", "", 2, false);
      assertThat(catchUps).hasValue(1);
      FeedPage last = feed.pull(Stream.CATALOG, "store-1", first.cursor(), 2, false);
      assertThat(last.snapshot()).isTrue();
      assertThat(last.hasMore()).isFalse();
      assertThat(catchUps).as("a snapshot's later page").hasValue(1);

      write(db, Stream.CATALOG, null, "a", "a2");
      write(db, Stream.CATALOG, null, "b", "b2");
      FeedPage changed = feed.pull(Stream.CATALOG, "store-1", last.cursor(), 1, false);
      assertThat(catchUps).as("a pull after the snapshot").hasValue(2);
      FeedPage next = feed.pull(Stream.CATALOG, "store-1", changed.cursor(), 1, true);
      assertThat(catchUps).as("a page continuing it").hasValue(2);
      assertThat(List.of(changed, next)).flatExtracting(FeedPage::changes).extracting(FeedPage.Item::data)
          .containsExactly("{\"v\":\"a2\"}", "{\"v\":\"b2\"}");

      feed.pull(Stream.CATALOG, "store-1", next.cursor(), 1, false);
      feed.pull(Stream.CATALOG, "store-1", "", 1, true);
      assertThat(catchUps).as("a new pull; an empty cursor always begins one").hasValue(4);
    }
  }

  @Test
  void refusesCursorsOfAnotherFeedOrOfNoFeedAndUnboundedPages() {
    try (Database db = Engine.SQLITE.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      String catalog = FeedCursor.following(Stream.CATALOG, 0).encode();

      assertThatThrownBy(() -> pull(feed, Stream.CARDS, "s", catalog, 10)).hasMessageContaining("catalog feed");
      assertThatThrownBy(() -> pull(feed, Stream.CARDS, "s", "'; DROP TABLE changes; --", 10))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> pull(feed, Stream.CARDS, "s", "", 100_000)).hasMessageContaining("limit");
    }
  }

  /**
   * The case a plain identity column gets wrong: transaction A takes its number first, B takes the
   * next and tries to commit first. A reader polling in between must never pass A's change. Here B
   * cannot even take a number until A is done, so the reader sees A, then B, never B alone.
   */
  @Test
  void changesCommittedInReverseOrderAreNeverSkippedOnPostgres() throws Exception {
    try (Database db = Engine.POSTGRESQL.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      String start = pull(feed, Stream.CATALOG, "store-1", "", 10).cursor();
      CountDownLatch aWrote = new CountDownLatch(1);
      CountDownLatch releaseA = new CountDownLatch(1);
      CompletableFuture<Void> a = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
        ChangeLog.append(c, Stream.CATALOG, null, "product", "from-a", data("a"));
        aWrote.countDown();
        await().until(() -> releaseA.await(0, TimeUnit.MILLISECONDS));
        return null;
      }));
      assertThat(aWrote.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> b = CompletableFuture.runAsync(() -> write(db, Stream.CATALOG, null, "from-b", "b"));

      // B wants to commit now, but it waits for A's number lock; the reader sees neither yet
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !b.isDone());
      PullResponse meanwhile = pull(feed, Stream.CATALOG, "store-1", start, 10);
      assertThat(meanwhile.changes()).isEmpty();

      releaseA.countDown();
      a.get(10, TimeUnit.SECONDS);
      b.get(10, TimeUnit.SECONDS);
      String[] cursor = {meanwhile.cursor()};
      assertThat(pullAll(feed, Stream.CATALOG, "store-1", cursor, 10)).extracting(Change::key)
          .containsExactly("from-a", "from-b");
    }
  }

  /** Many writers committing at random moments and a reader paging all along: it ends with every change, in order, once. */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void aReaderPagingDuringConcurrentWritesMissesNothing(Engine engine) throws Exception {
    try (Database db = engine.openDatabase()) {
      FeedService feed = new FeedService(new FeedPages(new DatabaseTransactions(db)));
      String[] cursor = {pull(feed, Stream.CATALOG, "store-1", "", 10).cursor()};
      int writers = 4;
      int each = 50;
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < each; i++) {
            write(db, Stream.CATALOG, null, "w" + writer + "-" + i, "x");
          }
        }));
      }
      List<Change> seen = new ArrayList<>();
      while (!running.stream().allMatch(CompletableFuture::isDone)) {
        seen.addAll(pullAll(feed, Stream.CATALOG, "store-1", cursor, 7));
      }
      for (CompletableFuture<Void> f : running) {
        f.get();
      }
      seen.addAll(pullAll(feed, Stream.CATALOG, "store-1", cursor, 7));

      assertThat(seen).hasSize(writers * each);
      assertThat(seen).extracting(Change::key).doesNotHaveDuplicates();
    }
  }
}
