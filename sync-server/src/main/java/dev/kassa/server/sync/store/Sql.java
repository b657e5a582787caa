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
   * Inserts {@code rows} into {@code table} whose {@code id} is not stored yet, in statements of
   * {@link #ROWS_PER_STATEMENT} rows, and answers the ids inserted now. {@code values} gives a row's
   * values in the order of {@code columns} (a comma-separated list starting with id), whose
   * PostgreSQL types are {@code types} ({@link SqlRows}).
   */
  public static <T> Set<String> insertAbsent(Connection c, String table, String columns, String types, List<T> rows,
      Function<T, List<?>> values) throws SQLException {
    return insert(c, IfStored.SKIP, table, columns, types, rows, values);
  }

  /**
   * What an insert does with a row whose key is stored already. A push's new events, and the sales,
   * entries and links they carry, are expected to be new: {@link #FAIL} writes them as new rows
   * ({@link SqlRows#append}: COPY on PostgreSQL, a plain INSERT on SQLite), and a row stored after all
   * (a retried batch) fails the statement with a unique violation
   * ({@link dev.kassa.server.store.DataAccessException#isUniqueViolation}); the caller then runs its transaction again with {@link #SKIP}, which
   * writes INSERT ... ON CONFLICT DO NOTHING. On PostgreSQL that clause makes every row a speculative
   * insertion (an index probe, a token lock and a confirming WAL record): 30 to 50 % more backend
   * time than a plain INSERT of the same 64,000 event rows, measured in a scratch PostgreSQL 14.
   */
  public enum IfStored {
    /** The statement fails: every row is expected to be new. */
    FAIL,
    /** The row is left as it is and not counted as inserted. */
    SKIP
  }

  /**
   * Inserts {@code rows} into {@code table} as {@code ifStored} says and answers the ids inserted now
   * (with {@link IfStored#FAIL}, every row's id, or a {@link SQLException}). Arguments as for
   * {@link #insertAbsent}.
   */
  public static <T> Set<String> insert(Connection c, IfStored ifStored, String table, String columns, String types,
      List<T> rows, Function<T, List<?>> values) throws SQLException {
    Set<String> inserted = new HashSet<>();
    boolean postgres = isPostgres(c);
    boolean skip = ifStored == IfStored.SKIP;
    for (List<T> chunk : chunks(rows, ROWS_PER_STATEMENT)) {
      SqlRows bound = new SqlRows(postgres, types);
      for (T row : chunk) {
        List<?> v = values.apply(row);
        bound.add(v);
        if (!skip) {
          inserted.add(v.get(0).toString());
        }
      }
      if (!skip) {
        bound.append(c, table, columns);
        continue;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") " + bound.sql()
          + " ON CONFLICT (id) DO NOTHING RETURNING id")) {
        bound.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            inserted.add(rs.getString(1));
          }
        }
      }
    }
    return inserted;
  }

  /**
   * "column = ANY(?)" on PostgreSQL, one text array whatever the number of values, or "column IN
   * (?,?,?)" on SQLite; bind the values with {@link #bindAny}.
   */
  public static String any(boolean postgres, String column, int values) {
    return postgres ? column + " = ANY(?::text[])" : column + " IN (" + marks(values) + ")";
  }

  /** Binds the values of an {@link #any} from parameter {@code first} on; answers the next parameter. */
  public static int bindAny(PreparedStatement ps, int first, boolean postgres, List<?> values) throws SQLException {
    if (postgres) {
      String[] texts = new String[values.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = values.get(i) == null ? null : values.get(i).toString();
      }
      ps.setArray(first, ps.getConnection().createArrayOf("text", texts));
      return first + 1;
    }
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof Long l) {
        ps.setLong(first + i, l);
      } else {
        ps.setString(first + i, v == null ? null : v.toString());
      }
    }
    return first + values.size();
  }

  /** Splits {@code items} into chunks of at most {@code size}. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }
}
