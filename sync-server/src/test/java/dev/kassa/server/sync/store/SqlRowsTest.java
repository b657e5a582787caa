package dev.kassa.server.sync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.server.store.DataAccessException;
import dev.kassa.server.store.Database;
import dev.kassa.server.testing.Engine;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SqlRows} and {@link Sql#any} give the same rows on both engines: arrays unnested on
 * PostgreSQL, VALUES and IN lists on SQLite, nulls of every column type included, and a text that
 * would break a hand-made array literal (quotes, braces, commas, backslashes) arrives as it was;
 * rows appended (COPY on PostgreSQL) likewise, and a stored key fails them as it fails an INSERT.
 */
class SqlRowsTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rowsArriveAsBoundWithTheirNulls(Engine engine) {
    String awkward = "a \"quoted\", {braced} \\ value; DROP TABLE t; --";
    try (Database db = engine.openDatabase()) {
      List<List<Object>> read = db.inTransaction(c -> {
        boolean postgres = Sql.isPostgres(c);
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE rows_test (id TEXT PRIMARY KEY, n BIGINT, b " + (postgres ? "BYTEA" : "BLOB") + ")");
        }
        SqlRows rows = new SqlRows(postgres, "text, int8, bytea");
        rows.add("1", 42L, "body".getBytes(StandardCharsets.UTF_8));
        rows.add("2", null, null);
        rows.add(awkward, Integer.MAX_VALUE, new byte[0]);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rows_test (id, n, b) " + rows.sql()
            + " ON CONFLICT (id) DO NOTHING")) {
          assertThat(rows.bind(ps, 1)).isEqualTo(postgres ? 4 : 10);
          assertThat(ps.executeUpdate()).isEqualTo(3);
        }
        List<List<Object>> found = new ArrayList<>();
        List<String> ids = List.of("2", awkward, "absent");
        try (PreparedStatement ps = c.prepareStatement("SELECT id, n, b FROM rows_test WHERE "
            + Sql.any(postgres, "id", ids.size()) + " ORDER BY id")) {
          Sql.bindAny(ps, 1, postgres, ids);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long n = rs.getLong(2);
              Long number = rs.wasNull() ? null : n;
              found.add(Arrays.asList(rs.getString(1), number, rs.getBytes(3)));
            }
          }
        }
        return found;
      });
      assertThat(read).hasSize(2);
      assertThat(read.get(0)).containsExactly("2", null, null);
      assertThat(read.get(1).get(0)).isEqualTo(awkward);
      assertThat(read.get(1).get(1)).isEqualTo((long) Integer.MAX_VALUE);
      assertThat((byte[]) read.get(1).get(2)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void appendedRowsArriveWithTheirNullsAndAStoredKeyFailsTheAppendLikeAnInsert(Engine engine) {
    String awkward = "Кефир 3,2 % \"Домик\" \\ {1} \t ✓ 𝄞";
    try (Database db = engine.openDatabase()) {
      db.inTransaction(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE append_test (id TEXT PRIMARY KEY, n BIGINT, v INTEGER, b "
              + (Sql.isPostgres(c) ? "BYTEA" : "BLOB") + ", t TEXT)");
        }
        return null;
      });
      db.inTransaction(c -> {
        SqlRows rows = new SqlRows(Sql.isPostgres(c), "text, int8, int4, bytea, text");
        rows.add("1", Long.MIN_VALUE, Integer.MIN_VALUE, new byte[] {0, (byte) 0xff, '\n'}, awkward);
        rows.add("2", null, null, null, null);
        rows.add("3", 0L, 7, new byte[0], "");
        rows.append(c, "append_test", "id, n, v, b, t");
        new SqlRows(Sql.isPostgres(c), "text").append(c, "append_test", "id");
        return null;
      });
      List<List<Object>> read = db.inTransaction(c -> {
        List<List<Object>> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, n, v, b, t FROM append_test ORDER BY id");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(Arrays.asList(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2),
                rs.getObject(3) == null ? null : rs.getInt(3), rs.getBytes(4), rs.getString(5)));
          }
        }
        return found;
      });
      assertThat(read).hasSize(3);
      assertThat(read.get(0).subList(0, 3)).containsExactly("1", Long.MIN_VALUE, Integer.MIN_VALUE);
      assertThat((byte[]) read.get(0).get(3)).containsExactly(0, 0xff, '\n');
      assertThat(read.get(0).get(4)).isEqualTo(awkward);
      assertThat(read.get(1)).containsExactly("2", null, null, null, null);
      assertThat(read.get(2).subList(0, 3)).containsExactly("3", 0L, 7);
      assertThat((byte[]) read.get(2).get(3)).isEmpty();
      assertThat(read.get(2).get(4)).isEqualTo("");

      // a row whose key is stored fails the append and its transaction: the new row with it is not kept
      assertThatThrownBy(() -> db.inTransaction(c -> {
        SqlRows again = new SqlRows(Sql.isPostgres(c), "text, int8");
        again.add("4", 4L);
        again.add("2", 2L);
        again.append(c, "append_test", "id, n");
        return null;
      })).isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.isUniqueViolation()).isTrue());
      long kept = db.inTransaction(c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM append_test");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(kept).isEqualTo(3L);

      // an int4 value out of range is refused before anything is sent
      assertThatThrownBy(() -> db.inTransaction(c -> {
        new SqlRows(Sql.isPostgres(c), "text, int4").add("5", 1L << 31).append(c, "append_test", "id, v");
        return null;
      })).isInstanceOf(ArithmeticException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRowOfTheWrongWidthOrAnUnknownTypeIsRefused(Engine engine) {
    boolean postgres = engine == Engine.POSTGRESQL;
    assertThatThrownBy(() -> new SqlRows(postgres, "text, int8").add("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 columns");
    assertThatThrownBy(() -> new SqlRows(postgres, "text, numeric"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numeric");
  }
}
