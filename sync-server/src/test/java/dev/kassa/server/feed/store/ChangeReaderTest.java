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
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeReaderTest {

  private static String parallelWorkers(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW max_parallel_workers_per_gather")) {
      rs.next();
      return rs.getString(1);
    }
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
        long at = reader.lastSeq(c);

        assertThat(reader.snapshot(c, Stream.CARDS, "store-1", at, "card", "a", 10))
            .extracting(ChangeReader.Row::key).containsExactly("b");
        assertThat(parallelWorkers(c)).isEqualTo(before).isNotEqualTo("0");
        return null;
      });
    }
  }
}
