package dev.kassa.server.sync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Small helpers shared by the sync and loyalty stores: engine detection and multi-row statements. */
public final class Sql {
  /**
   * Rows per multi-row INSERT: a whole push batch of the terminal's size in one statement (each
   * statement is a round trip, and on a busy machine a round trip costs more than the rows), and
   * below SQLite's 32,766 bound variables for our widest table (13 columns).
   */
  public static final int ROWS_PER_STATEMENT = 1000;

  private Sql() {}

  public static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
  }

  /** "(?,?,?),(?,?,?)" for {@code rows} rows of {@code columns} values. */
  public static String valueRows(int rows, int columns) {
    StringBuilder one = new StringBuilder("(");
    for (int i = 0; i < columns; i++) {
      one.append(i == 0 ? "?" : ",?");
    }
    one.append(')');
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        all.append(',');
      }
      all.append(one);
    }
    return all.toString();
  }

  /** "?,?,?" for an IN list. */
  public static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  /** Binds {@code values} from parameter 1 on; nulls as SQL NULL of the right kind. */
  public static void bind(PreparedStatement ps, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        ps.setObject(i + 1, null);
      } else if (v instanceof byte[] bytes) {
        ps.setBytes(i + 1, bytes);
      } else if (v instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, v.toString());
      }
    }
  }

  /**
   * Inserts {@code rows} into {@code table} whose {@code id} is not stored yet, in multi-row
   * statements of {@link #ROWS_PER_STATEMENT}, and answers the ids inserted now. {@code values}
   * gives a row's values in the order of {@code columns} (a comma-separated list starting with id).
   */
  public static <T> Set<String> insertAbsent(Connection c, String table, String columns, List<T> rows,
      Function<T, List<?>> values) throws SQLException {
    int width = columns.split(",").length;
    Set<String> inserted = new HashSet<>();
    for (List<T> chunk : chunks(rows, ROWS_PER_STATEMENT)) {
      List<Object> bound = new ArrayList<>(chunk.size() * width);
      for (T row : chunk) {
        bound.addAll(values.apply(row));
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES "
          + valueRows(chunk.size(), width) + " ON CONFLICT (id) DO NOTHING RETURNING id")) {
        bind(ps, bound);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getString(1));
          }
        }
      }
    }
    return inserted;
  }

  /** Splits {@code items} into chunks of at most {@code size}. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new java.util.ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }
}
