package dev.kassa.pos.ledger.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entities of one feed page on their way into {@code feed_entities}, written
 * {@value #ROWS_PER_STATEMENT} rows to an INSERT. A fresh terminal's down-sync is over a million
 * rows; one statement per row made the terminal's share of it mostly the driver's per-call cost,
 * not SQLite's work. Rows are written in the order they were added, so a key added twice keeps the
 * later one, as one row at a time would. Used inside the page's write transaction only.
 */
final class FeedEntityBatch {
  static final int ROWS_PER_STATEMENT = 100;
  private static final String INSERT = "INSERT OR REPLACE INTO feed_entities (kind, key, stream, json, gen, mark) VALUES ";
  private static final String ROW = "(?,?,?,?,?,?)";
  private static final String ONE_ROW = INSERT + ROW;
  private static final String FULL_BATCH = INSERT + String.join(",", Collections.nCopies(ROWS_PER_STATEMENT, ROW));

  private final LedgerDatabase db;
  private final String stream;
  private final long gen;
  private final long mark;
  private final List<String[]> pending = new ArrayList<>(ROWS_PER_STATEMENT);

  FeedEntityBatch(LedgerDatabase db, String stream, long gen, long mark) {
    this.db = db;
    this.stream = stream;
    this.gen = gen;
    this.mark = mark;
  }

  void add(String kind, String key, String json) throws SQLException {
    pending.add(new String[] {kind, key, json});
    if (pending.size() == ROWS_PER_STATEMENT) {
      write(db.statement(FULL_BATCH), pending);
      pending.clear();
    }
  }

  /** Writes what is pending; call before anything else touches {@code feed_entities}. */
  void flush() throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    PreparedStatement one = db.statement(ONE_ROW);
    for (String[] row : pending) {
      write(one, List.<String[]>of(row));
    }
    pending.clear();
  }

  private void write(PreparedStatement st, List<String[]> rows) throws SQLException {
    int p = 1;
    for (String[] row : rows) {
      st.setString(p++, row[0]);
      st.setString(p++, row[1]);
      st.setString(p++, stream);
      st.setString(p++, row[2]);
      st.setLong(p++, gen);
      st.setLong(p++, mark);
    }
    st.executeUpdate();
  }
}
