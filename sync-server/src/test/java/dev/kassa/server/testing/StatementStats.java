package dev.kassa.server.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where PostgreSQL spent a benchmark's time, statement by statement (pg_stat_statements), so a
 * figure comes with its explanation. The embedded PostgreSQL loads the module only when started
 * with {@code -Dkassa.pg.statements=true}.
 */
public final class StatementStats {
  private StatementStats() {}

  /** Starts counting from zero (creates the extension in the server's database when needed). */
  public static void reset(TestServer server) {
    server.services().db().inTransaction(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        s.execute("SELECT pg_stat_statements_reset()");
        s.execute("SELECT pg_stat_reset()");
        s.execute("SELECT pg_stat_reset_shared('bgwriter')");
        s.execute("SELECT pg_stat_reset_shared('wal')");
      }
      return null;
    });
  }

  /** Prints the {@code top} statements by total execution time since {@link #reset}. */
  public static void print(TestServer server, int top) {
    server.services().db().read(c -> {
      // one line per statement shape: a multi-row VALUES list of each length is a statement of its own
      // buffer accesses and WAL records: what a statement costs in CPU, lock waits left out
      try (PreparedStatement ps = c.prepareStatement("SELECT SUM(calls), SUM(total_exec_time), SUM(rows), q,"
          + " SUM(shared_blks_hit + shared_blks_read), SUM(wal_records), SUM(wal_bytes) FROM"
          + " (SELECT calls, total_exec_time, rows, shared_blks_hit, shared_blks_read, wal_records, wal_bytes,"
          + " regexp_replace(query, 'VALUES \\(\\$.*', 'VALUES ...') AS q"
          + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()))"
          + " s GROUP BY q ORDER BY 2 DESC LIMIT ?")) {
        ps.setInt(1, top);
        try (ResultSet rs = ps.executeQuery()) {
          System.out.println("calls | total s | ms/call | rows | buffers | WAL records | WAL MB | statement");
          while (rs.next()) {
            String query = rs.getString(4).replaceAll("\\s+", " ");
            System.out.printf(Locale.ROOT, "%,d | %.1f | %.2f | %,d | %,d | %,d | %.0f | %s%n", rs.getLong(1),
                rs.getDouble(2) / 1000, rs.getDouble(2) / Math.max(1, rs.getLong(1)), rs.getLong(3), rs.getLong(5),
                rs.getLong(6), rs.getDouble(7) / 1e6,
                query.length() > 200 ? query.substring(0, 200) + "..." : query);
          }
        }
      }
      // who wrote the pages out, and the WAL in all (full-page images included)
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT b.checkpoints_timed + b.checkpoints_req, b.buffers_checkpoint,"
               + " b.buffers_clean, b.buffers_backend, b.buffers_alloc, w.wal_records, w.wal_fpi, w.wal_bytes,"
               + " w.wal_buffers_full FROM pg_stat_bgwriter b, pg_stat_wal w")) {
        rs.next();
        System.out.printf(Locale.ROOT, "checkpoints %,d; pages written by checkpoints %,d, by the background writer %,d,"
            + " by backends %,d; buffers allocated %,d; WAL %,d records, %,d full-page images, %.0f MB;"
            + " WAL buffers full %,d times%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getDouble(8) / 1e6, rs.getLong(9));
      }
      // indexes the run wrote to but never read through: a place to look (reports are not in the run)
      try (PreparedStatement ps = c.prepareStatement("SELECT s.relname, s.indexrelname, t.n_tup_ins + t.n_tup_upd"
          + " FROM pg_stat_user_indexes s JOIN pg_stat_user_tables t ON t.relid = s.relid"
          + " WHERE s.idx_scan = 0 AND t.n_tup_ins + t.n_tup_upd > 0 ORDER BY 3 DESC, 1, 2");
           ResultSet rs = ps.executeQuery()) {
        StringBuilder unread = new StringBuilder();
        while (rs.next()) {
          unread.append(String.format(Locale.ROOT, " %s.%s (%,d rows written)", rs.getString(1), rs.getString(2),
              rs.getLong(3)));
        }
        System.out.println("indexes written and never scanned:" + (unread.length() == 0 ? " none" : unread));
      }
      return null;
    });
  }
}
