package dev.kassa.server.sync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * {@link Sql.Rows} and {@link Sql#any} give the same rows on both engines: arrays unnested on
 * PostgreSQL, VALUES and IN lists on SQLite, nulls of every column type included, and a text that
 * would break a hand-made array literal (quotes, braces, commas, backslashes) arrives as it was.
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
        Sql.Rows rows = new Sql.Rows(postgres, "text, int8, bytea");
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
  void aRowOfTheWrongWidthOrAnUnknownTypeIsRefused(Engine engine) {
    boolean postgres = engine == Engine.POSTGRESQL;
    assertThatThrownBy(() -> new Sql.Rows(postgres, "text, int8").add("only one"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 columns");
    assertThatThrownBy(() -> new Sql.Rows(postgres, "text, numeric"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numeric");
  }
}
