package dev.kassa.pos.ledger.store;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.EventPayload;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.pos.sync.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The outbox: events written in the same transaction as the documents they report, pushed by the
 * sync agent in commit order. Rows are never deleted, only marked, so "what has this till sent"
 * stays answerable.
 */
public final class OutboxRows implements Outbox {
  private final LedgerDatabase db;
  private final EntryRows entries;
  private final TerminalRows terminal;
  private final JournalRows journal;

  OutboxRows(LedgerDatabase db, EntryRows entries, TerminalRows terminal, JournalRows journal) {
    this.db = db;
    this.entries = entries;
    this.terminal = terminal;
    this.journal = journal;
  }

  void insert(SyncEvent event) throws SQLException {
    String json = SyncCodec.toJson(event);
    EventPayload payload = event.payload();
    boolean fiscal = payload instanceof Sale || payload instanceof SaleReturn || payload instanceof SaleVoid;
    PreparedStatement st = db.statement(
        "INSERT INTO outbox (event_id, kind, json, size, sale_at, entry_id) VALUES (?,?,?,?,?,?)");
    st.setString(1, event.id().toString());
    st.setString(2, payload.getClass().getSimpleName());
    st.setString(3, json);
    st.setInt(4, json.getBytes(StandardCharsets.UTF_8).length);
    Columns.setNullable(st, 5, fiscal ? Columns.text(event.terminalTime()) : null);
    Columns.setNullable(st, 6, payload instanceof LedgerEntry e ? e.id().toString() : null);
    st.executeUpdate();
  }

  @Override
  public List<SyncEvent> pending(int maxCount, long maxBytes) {
    return db.read(() -> {
      PreparedStatement st = db.statement("SELECT json, size FROM outbox WHERE status = 'PENDING' ORDER BY seq LIMIT ?");
      st.setInt(1, maxCount);
      List<SyncEvent> events = new ArrayList<>();
      long bytes = 0;
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          bytes += rs.getLong(2);
          if (!events.isEmpty() && bytes > maxBytes) {
            break;
          }
          events.add(SyncCodec.fromJson(rs.getString(1), SyncEvent.class));
        }
      }
      return events;
    });
  }

  @Override
  public void markSynced(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    db.write(() -> {
      long mark = terminal.nextMark();
      PreparedStatement st = db.statement("UPDATE outbox SET status = 'SYNCED' WHERE event_id = ? AND status = 'PENDING'");
      for (UUID id : ids) {
        entries.markSynced(id.toString(), mark);
        markSale(id.toString(), mark);
        st.setString(1, id.toString());
        st.executeUpdate();
      }
      return null;
    });
  }

  /** The sale of event {@code eventId} (if it is one) is known to the server as of {@code mark} (0: never will be). */
  private void markSale(String eventId, long mark) throws SQLException {
    PreparedStatement st = db.statement("UPDATE sales SET synced_mark = ? WHERE id ="
        + " (SELECT json_extract(json, '$.payload.id') FROM outbox WHERE event_id = ? AND kind = 'Sale')"
        + " AND synced_mark IS NULL");
    st.setLong(1, mark);
    st.setString(2, eventId);
    st.executeUpdate();
  }

  @Override
  public void markRejected(UUID id, String reason) {
    db.write(() -> {
      entries.markRejected(id.toString());
      markSale(id.toString(), 0);
      PreparedStatement st = db.statement("UPDATE outbox SET status = 'REJECTED', reason = ? WHERE event_id = ?");
      st.setString(1, reason);
      st.setString(2, id.toString());
      st.executeUpdate();
      return null;
    });
  }

  @Override
  public long pendingCount() {
    return db.read(() -> {
      try (ResultSet rs = db.statement("SELECT count(*) FROM outbox WHERE status = 'PENDING'").executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Events of one payload type ("Sale", "SaleReturn"...) still waiting for the server. */
  public long pendingCount(String kind) {
    return db.read(() -> {
      PreparedStatement st = db.statement("SELECT count(*) FROM outbox WHERE status = 'PENDING' AND kind = ?");
      st.setString(1, kind);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public Instant oldestPendingSale() {
    return db.read(() -> {
      try (ResultSet rs = db.statement("SELECT sale_at FROM outbox WHERE status = 'PENDING' AND sale_at IS NOT NULL"
          + " ORDER BY seq LIMIT 1").executeQuery()) {
        return rs.next() ? Columns.instant(rs.getString(1)) : null;
      }
    });
  }

  @Override
  public ChainHead chainHead() {
    return db.read(journal::head);
  }

  /** Events the server refused, with its reasons, for the manager's screen. */
  public List<String> rejected() {
    return db.read(() -> {
      List<String> rejected = new ArrayList<>();
      try (ResultSet rs = db.statement("SELECT event_id, kind, reason FROM outbox WHERE status = 'REJECTED' ORDER BY seq")
          .executeQuery()) {
        while (rs.next()) {
          rejected.add(rs.getString(2) + " " + rs.getString(1) + ": " + rs.getString(3));
        }
      }
      return rejected;
    });
  }
}
