package dev.kassa.pos.ledger.store;

import dev.kassa.model.sync.ChainHead;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The journal table: one link per fiscal document, in commit order. */
final class JournalRows {
  private final LedgerDatabase db;

  JournalRows(LedgerDatabase db) {
    this.db = db;
  }

  void insert(JournalRow row) throws SQLException {
    PreparedStatement st = db.statement(
        "INSERT INTO journal (seq, doc_kind, doc_id, previous_hash, hash) VALUES (?,?,?,?,?)");
    st.setLong(1, row.seq());
    st.setString(2, row.docKind());
    st.setString(3, row.docId().toString());
    st.setString(4, row.previousHash());
    st.setString(5, row.hash());
    st.executeUpdate();
  }

  ChainHead head() throws SQLException {
    try (ResultSet rs = db.statement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").executeQuery()) {
      return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : new ChainHead(0, "");
    }
  }

  List<JournalRow> all() throws SQLException {
    List<JournalRow> rows = new ArrayList<>();
    try (ResultSet rs = db.statement("SELECT seq, doc_kind, doc_id, previous_hash, hash FROM journal ORDER BY seq")
        .executeQuery()) {
      while (rs.next()) {
        rows.add(new JournalRow(rs.getLong(1), rs.getString(2), UUID.fromString(rs.getString(3)), rs.getString(4),
            rs.getString(5)));
      }
    }
    return rows;
  }
}
