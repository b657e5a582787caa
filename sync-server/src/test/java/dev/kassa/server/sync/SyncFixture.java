package dev.kassa.server.sync;

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

  /** Every table that merging writes, as sorted text: two equal states give equal lists. */
  public List<String> state() throws SQLException {
    List<String> state = new ArrayList<>();
    return db.read(c -> {
      dump(c, "SELECT id, store_id, terminal_id, kind, hlc FROM sync_events ORDER BY id", state);
      dump(c, "SELECT id, terminal_id, receipt_no, total_minor, card_number FROM sales ORDER BY id", state);
      dump(c, "SELECT id, card_number, type, points FROM ledger_entries ORDER BY id", state);
      dump(c, "SELECT card_number, balance, negatives FROM card_balances ORDER BY card_number", state);
      dump(c, "SELECT id, card_number, trigger_entry, deficit, involved, status FROM loyalty_conflicts"
          + " WHERE status <> 'RETRACTED' ORDER BY id", state);
      dump(c, "SELECT card_number, canonical_card, winner_event FROM card_aliases ORDER BY card_number", state);
      dump(c, "SELECT terminal_id, contiguous_seq, contiguous_hash, max_seq FROM journal_heads ORDER BY terminal_id",
          state);
      dump(c, "SELECT terminal_id, seq, hash FROM journal_forks ORDER BY terminal_id, seq, hash", state);
      return state;
    });
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
