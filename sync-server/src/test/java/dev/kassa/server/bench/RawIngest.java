package dev.kassa.server.bench;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.server.store.Database;
import dev.kassa.server.store.Dialect;
import dev.kassa.server.sync.store.EventBodies;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The baseline the ingest benchmark is compared with: the same rows the push writes for its events
 * (sync_events with bodies packed as the server packs them, sales, ledger_entries, journal_links), written
 * with no HTTP, no decoding, no checks:
 * PostgreSQL's COPY, or on SQLite prepared-statement batches, one transaction per batch.
 */
final class RawIngest {
  private RawIngest() {}

  /** The rows of one batch, per table, as lists of column values. */
  record Rows(List<Object[]> events, List<Object[]> sales, List<Object[]> entries, List<Object[]> links) {}

  static Rows rows(List<SyncEvent> batch) {
    Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    long now = System.currentTimeMillis();
    for (SyncEvent e : batch) {
      String kind = e.payload() instanceof Sale ? "sale" : "loyalty-entry";
      rows.events().add(new Object[] {e.id().toString(), e.storeId(), e.terminalId(), kind, e.hlc().value(),
          e.terminalTime().toEpochMilli(), now, EventBodies.pack(SyncCodec.canonicalBytes(e))});
      if (e.payload() instanceof Sale s) {
        rows.sales().add(new Object[] {s.id().toString(), e.id().toString(), s.storeId(), s.terminalId(), s.receiptNo(),
            s.createdAt().toEpochMilli(), s.total().minor(), "RUB", s.loyalty().cardNumber(),
            s.loyalty().pointsEarned(), s.loyalty().pointsRedeemed()});
        rows.links().add(new Object[] {e.terminalId(), e.journal().seq(), e.journal().hash(), e.journal().previousHash(),
            e.id().toString()});
      } else if (e.payload() instanceof LedgerEntry l) {
        rows.entries().add(new Object[] {l.id().toString(), e.id().toString(), l.cardNumber(), l.type().name(),
            l.points(), l.at().toEpochMilli(), l.hlc().value(), l.storeId(), l.terminalId(), l.saleId().toString(),
            null, null, null});
      }
    }
    return rows;
  }

  static void write(Database db, Rows rows) {
    db.inTransaction(c -> {
      table(db.dialect(), c, "sync_events (id, store_id, terminal_id, kind, hlc, terminal_time, received_at, body)",
          rows.events());
      table(db.dialect(), c, "sales (id, event_id, store_id, terminal_id, receipt_no, created_at, total_minor, currency,"
          + " card_number, points_earned, points_redeemed)", rows.sales());
      table(db.dialect(), c, "ledger_entries (id, event_id, card_number, type, points, at, hlc, store_id, terminal_id,"
          + " sale_id, reverses, expires_at, reason)", rows.entries());
      table(db.dialect(), c, "journal_links (terminal_id, seq, hash, previous_hash, event_id)", rows.links());
      return null;
    });
  }

  private static void table(Dialect dialect, Connection c, String target, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (dialect == Dialect.POSTGRESQL) {
      copy(c, target, rows);
    } else {
      batch(c, target, rows);
    }
  }

  private static void copy(Connection c, String target, List<Object[]> rows) throws SQLException {
    StringBuilder text = new StringBuilder(rows.size() * 256);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        Object v = row[i];
        if (v == null) {
          text.append("\\N");
        } else if (v instanceof byte[] bytes) {
          text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
          text.append(v);
        }
      }
      text.append('\n');
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN", new StringReader(text.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  private static void batch(Connection c, String target, List<Object[]> rows) throws SQLException {
    int columns = rows.get(0).length;
    String marks = String.join(",", java.util.Collections.nCopies(columns, "?"));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + target + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < columns; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
