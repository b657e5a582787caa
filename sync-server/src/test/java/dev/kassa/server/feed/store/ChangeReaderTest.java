package dev.kassa.server.feed.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.store.Database;
import dev.kassa.server.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeReaderTest {

  private static String parallelWorkers(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW max_parallel_workers_per_gather")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Store 1's cards feed after {@code cursor}, a change a page, as a terminal pages through it. */
  private static List<ChangeReader.Row> pageByPage(Database db, ChangeReader reader, long cursor) {
    List<ChangeReader.Row> read = new ArrayList<>();
    List<ChangeReader.Row> page;
    long at = cursor;
    do {
      long from = at;
      page = db.read(c -> reader.after(c, Stream.CARDS, "store-1", from, 1));
      read.addAll(page);
      at = page.isEmpty() ? at : page.get(page.size() - 1).seq();
    } while (!page.isEmpty());
    return read;
  }

  /** A snapshot page turns PostgreSQL's parallel workers off for itself only: the pooled connection is left as it was. */
  @Test
  void aSnapshotPageLeavesTheConnectionsPlannerSettingsAsTheyWere() {
    try (Database db = Engine.POSTGRESQL.openDatabase()) {
      db.inTransaction(c -> {
        ChangeLog.append(c, Stream.CARDS, null, "card", "a", SyncCodec.toTree(Map.of("balance", 1)));
        ChangeLog.append(c, Stream.CARDS, null, "card", "b", SyncCodec.toTree(Map.of("balance", 2)));
        return null;
      });
      ChangeReader reader = new ChangeReader();

      db.read(c -> {
        String before = parallelWorkers(c);

        assertThat(reader.snapshot(c, Stream.CARDS, "store-1", "card", "a", 10))
            .extracting(ChangeReader.Row::key).containsExactly("b");
        assertThat(parallelWorkers(c)).isEqualTo(before).isNotEqualTo("0");
        return null;
      });
    }
  }

  /**
   * A terminal back from an outage reads each entity once, in its last state: a change that a later
   * change of the same entity supersedes is left out, paging goes on past it, and a later change for
   * another store supersedes nothing here.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void changesAfterACursorLeaveOutWhatALaterChangeOfTheSameEntitySupersedes(Engine engine) {
    try (Database db = engine.openDatabase()) {
      long cursor = db.read(new ChangeReader()::lastSeq);
      db.inTransaction(c -> {
        for (int balance = 1; balance <= 5; balance++) {
          ChangeLog.append(c, Stream.CARDS, null, "card", "a", SyncCodec.toTree(Map.of("balance", balance)));
          ChangeLog.append(c, Stream.CARDS, null, "card", "b", SyncCodec.toTree(Map.of("balance", 10 * balance)));
        }
        ChangeLog.append(c, Stream.CONFLICTS, "store-1", "conflict", "x", SyncCodec.toTree(Map.of("status", "OPEN")));
        ChangeLog.append(c, Stream.CONFLICTS, "store-2", "conflict", "x", SyncCodec.toTree(Map.of("status", "OPEN")));
        ChangeLog.append(c, Stream.CONFLICTS, "store-2", "conflict", "x", null);
        ChangeLog.append(c, Stream.CARDS, null, "card", "c", SyncCodec.toTree(Map.of("balance", 7)));
        ChangeLog.append(c, Stream.CARDS, null, "card", "c", null);
        return null;
      });
      ChangeReader reader = new ChangeReader();

      List<ChangeReader.Row> read = pageByPage(db, reader, cursor);

      assertThat(read).extracting(ChangeReader.Row::key, ChangeReader.Row::data)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "{\"balance\":5}"),
              org.assertj.core.groups.Tuple.tuple("b", "{\"balance\":50}"),
              org.assertj.core.groups.Tuple.tuple("c", null));
      List<ChangeReader.Row> storeOne = db.read(c -> reader.after(c, Stream.CONFLICTS, "store-1", cursor, 10));
      List<ChangeReader.Row> storeTwo = db.read(c -> reader.after(c, Stream.CONFLICTS, "store-2", cursor, 10));
      assertThat(storeOne).as("store-2's tombstone is not store-1's").extracting(ChangeReader.Row::data)
          .containsExactly("{\"status\":\"OPEN\"}");
      assertThat(storeTwo).extracting(ChangeReader.Row::deleted).containsExactly(true);
    }
  }

  /**
   * While a terminal pages, an entity it has read already and one it has not yet read change again:
   * both come again after its cursor, in their new state, and nothing is missed.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEntityChangedWhileATerminalPagesComesAgainInALaterPage(Engine engine) {
    try (Database db = engine.openDatabase()) {
      ChangeReader reader = new ChangeReader();
      long cursor = db.read(reader::lastSeq);
      db.inTransaction(c -> {
        for (String card : List.of("a", "b", "c")) {
          ChangeLog.append(c, Stream.CARDS, null, "card", card, SyncCodec.toTree(Map.of("balance", 1)));
        }
        return null;
      });

      List<ChangeReader.Row> first = db.read(c -> reader.after(c, Stream.CARDS, "store-1", cursor, 1));
      db.inTransaction(c -> {
        ChangeLog.append(c, Stream.CARDS, null, "card", "a", SyncCodec.toTree(Map.of("balance", 2)));
        ChangeLog.append(c, Stream.CARDS, null, "card", "c", SyncCodec.toTree(Map.of("balance", 3)));
        return null;
      });
      List<ChangeReader.Row> rest = pageByPage(db, reader, first.get(0).seq());

      assertThat(first).extracting(ChangeReader.Row::key).containsExactly("a");
      assertThat(rest).extracting(ChangeReader.Row::key, ChangeReader.Row::data)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "{\"balance\":1}"),
              org.assertj.core.groups.Tuple.tuple("a", "{\"balance\":2}"),
              org.assertj.core.groups.Tuple.tuple("c", "{\"balance\":3}"));
    }
  }
}
