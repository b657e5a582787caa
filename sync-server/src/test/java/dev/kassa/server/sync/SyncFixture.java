package dev.kassa.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.loyalty.store.LinePointsCheck;
import dev.kassa.server.loyalty.store.LoyaltyMerge;
import dev.kassa.server.loyalty.store.LoyaltyStore;
import dev.kassa.server.store.Database;
import dev.kassa.server.sync.store.DatabaseTransactions;
import dev.kassa.server.sync.store.PushStore;
import dev.kassa.server.sync.store.RecordingFeed;
import dev.kassa.server.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A push service over a fresh database of either engine, and a way to read back its whole state. */
public final class SyncFixture implements AutoCloseable {
  public final Database db;
  public final DatabaseTransactions tx;
  public final RecordingFeed feed = new RecordingFeed();
  public final PushService push;
  public final OverdraftPolicy policy;

  public SyncFixture(Engine engine) {
    this(engine, OverdraftPolicy.NET);
  }

  public SyncFixture(Engine engine, OverdraftPolicy policy) {
    this(engine.openDatabase(), policy);
  }

  public SyncFixture(Database db) {
    this(db, OverdraftPolicy.NET);
  }

  public SyncFixture(Database db, OverdraftPolicy policy) {
    this.db = db;
    this.tx = new DatabaseTransactions(db);
    this.policy = policy;
    Clock clock = Clock.systemUTC();
    this.push = new PushService(new PushStore(tx, new LoyaltyMerge(new LinePointsCheck(), feed, policy), clock),
        new HybridClock(clock), clock);
  }

  /** The office's side of the ledger over the same database, merging under the same policy. */
  public LoyaltyStore loyalty() {
    return new LoyaltyStore(tx, new LoyaltyMerge(new LinePointsCheck(), feed, policy), feed);
  }

  public PushResponse push(Events terminal, List<SyncEvent> events) {
    PushRequest request = new PushRequest(1, UUID.randomUUID(), terminal.terminalId(), new ChainHead(0, ""), events);
    return push.push(terminal.storeId(), terminal.terminalId(), SyncCodec.canonicalBytes(request));
  }

  /**
   * Every table that merging writes, as sorted text: two equal states give equal lists. The feed is
   * each entity's latest change, without the instants it was made at (each server stamps its own);
   * an entity whose latest change removed it is as good as one never there.
   */
  public List<String> state() throws SQLException {
    return state(false);
  }

  /**
   * The {@link #state} under {@link OverdraftPolicy#WRITE_OFF}, where only what the policy's entries
   * add up to is a function of the pushed events: which entries it took to get there depends on the
   * order the events came in (a write-off taken back is a second entry). So the policy's entries and
   * the per-card sums are left out, and every member's balance is compared instead.
   */
  public List<String> stateUpToPolicyEntries() throws SQLException {
    List<String> state = state(true);
    loyalty().balances().forEach((card, balance) -> state.add("member balance|" + card + "|" + balance));
    return state;
  }

  private List<String> state(boolean withoutPolicyEntries) throws SQLException {
    List<String> state = new ArrayList<>();
    String policyEntry = "terminal_id = '" + OverdraftPolicy.TERMINAL + "'";
    return db.read(c -> {
      dump(c, "SELECT id, store_id, terminal_id, kind, hlc FROM sync_events ORDER BY id", state);
      dump(c, "SELECT id, terminal_id, receipt_no, total_minor, card_number FROM sales ORDER BY id", state);
      if (withoutPolicyEntries) {
        dump(c, "SELECT id, card_number, type, points FROM ledger_entries WHERE NOT " + policyEntry + " ORDER BY id",
            state);
      } else {
        dump(c, "SELECT id, card_number, type, points FROM ledger_entries ORDER BY id", state);
        dump(c, "SELECT card_number, balance, negatives FROM card_balances ORDER BY card_number", state);
      }
      dump(c, "SELECT id, card_number, trigger_entry, deficit, involved, status, resolved_by, resolution"
          + " FROM loyalty_conflicts WHERE status <> 'RETRACTED' ORDER BY id", state);
      dump(c, "SELECT conflict_id, store_id FROM conflict_stores WHERE conflict_id IN (SELECT id FROM loyalty_conflicts"
          + " WHERE status <> 'RETRACTED') ORDER BY conflict_id, store_id", state);
      dump(c, "SELECT sale_id, store_id, terminal_id, card_number, program_version, terminal_points, server_points,"
          + " detail FROM points_mismatches ORDER BY sale_id", state);
      dump(c, "SELECT card_number, canonical_card, winner_event FROM card_aliases ORDER BY card_number", state);
      dump(c, "SELECT terminal_id, contiguous_seq, contiguous_hash, max_seq FROM journal_heads ORDER BY terminal_id",
          state);
      dump(c, "SELECT terminal_id, seq, hash FROM journal_forks ORDER BY terminal_id, seq, hash", state);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT stream, kind, entity_key,"
          + " store_key, data FROM feed_latest WHERE data IS NOT NULL ORDER BY stream, kind, entity_key, store_key")) {
        while (rs.next()) {
          state.add("feed_latest|" + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
              + rs.getString(4) + "|" + withoutInstants(rs.getString(5)));
        }
      }
      return state;
    });
  }

  /** The entity without the instants the server stamps it with when it writes it. */
  private static String withoutInstants(String json) {
    if (json == null) {
      return null;
    }
    try {
      ObjectNode data = (ObjectNode) SyncCodec.mapper().readTree(json);
      data.remove(List.of("detectedAt", "resolvedAt", "asOf"));
      return SyncCodec.mapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public long scalar(String sql) throws SQLException {
    return db.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public void close() {
    db.close();
  }

  private static void dump(Connection c, String sql, List<String> into) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder(sql.substring(sql.indexOf("FROM") + 5, sql.indexOf(" ORDER")));
        for (int i = 1; i <= columns; i++) {
          row.append('|').append(rs.getString(i));
        }
        into.add(row.toString());
      }
    }
  }
}
