package dev.kassa.server.sync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of values given to one statement, as the source of an INSERT or the body of a WITH. On
 * PostgreSQL each column is one array parameter, unnested: the statement's text is the same
 * whatever the number of rows, so the server parses and plans it once per connection rather than
 * once per push, and the driver binds a few arrays instead of thousands of values. SQLite has no
 * arrays: there it is a VALUES list of one parameter per value (within its bound-variable limit,
 * so callers keep to {@link Sql#ROWS_PER_STATEMENT} rows).
 */
public final class SqlRows {
  private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

  /** A column's PostgreSQL type, and the Java values it takes. */
  private enum Type {
    TEXT("text"), INT8("int8"), INT4("int4"), BYTEA("bytea");

    final String sql;

    Type(String sql) {
      this.sql = sql;
    }

    static Type of(String name) {
      for (Type t : values()) {
        if (t.sql.equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("column type must be text, int8, int4 or bytea: " + name);
    }
  }

  private final boolean postgres;
  private final Type[] types;
  private final List<List<?>> rows = new ArrayList<>();

  /**
   * {@code types}: each column's PostgreSQL type, comma-separated: {@code text} (any value, bound
   * by its toString), {@code int8} or {@code int4} (Long or Integer; an int4 value out of range
   * throws) or {@code bytea} (byte[]); nulls allowed. {@link #append} needs them to be the table's
   * column types exactly.
   */
  public SqlRows(boolean postgres, String types) {
    this.postgres = postgres;
    String[] names = types.replace(" ", "").split(",");
    this.types = new Type[names.length];
    for (int i = 0; i < names.length; i++) {
      this.types[i] = Type.of(names[i]);
    }
  }

  public SqlRows add(List<?> row) {
    if (row.size() != types.length) {
      throw new IllegalArgumentException(row.size() + " values for " + types.length + " columns");
    }
    rows.add(row);
    return this;
  }

  public SqlRows add(Object... row) {
    return add(java.util.Arrays.asList(row));
  }

  public int size() {
    return rows.size();
  }

  /** "SELECT * FROM unnest(?::text[], ?::int8[])" on PostgreSQL, "VALUES (?,?),(?,?)" on SQLite. */
  public String sql() {
    if (!postgres) {
      return "VALUES " + Sql.valueRows(rows.size(), types.length);
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM unnest(");
    for (int i = 0; i < types.length; i++) {
      sql.append(i == 0 ? "?::" : ", ?::").append(types[i].sql).append("[]");
    }
    return sql.append(')').toString();
  }

  /** Binds the rows from parameter {@code first} on; answers the next free parameter. */
  public int bind(PreparedStatement ps, int first) throws SQLException {
    if (!postgres) {
      int p = first;
      for (List<?> row : rows) {
        for (int col = 0; col < types.length; col++) {
          bindOne(ps, p++, types[col], row.get(col));
        }
      }
      return p;
    }
    Connection c = ps.getConnection();
    for (int col = 0; col < types.length; col++) {
      Type type = types[col];
      Object[] column = switch (type) {
        case INT8 -> new Long[rows.size()];
        case INT4 -> new Integer[rows.size()];
        case BYTEA -> new byte[rows.size()][];
        case TEXT -> new String[rows.size()];
      };
      for (int r = 0; r < rows.size(); r++) {
        Object v = rows.get(r).get(col);
        column[r] = v == null ? null : switch (type) {
          case INT8 -> ((Number) v).longValue();
          case INT4 -> Math.toIntExact(((Number) v).longValue());
          case BYTEA -> v;
          case TEXT -> v.toString();
        };
      }
      ps.setArray(first + col, c.createArrayOf(type.sql, column));
    }
    return first + types.length;
  }

  /**
   * Writes the rows into {@code table} (its {@code columns}, comma-separated) as {@code ifStored}
   * says of a row whose {@code key} (its columns, comma-separated) is stored already: {@link #append}
   * for {@link Sql.IfStored#FAIL}, else INSERT ... ON CONFLICT DO NOTHING, which leaves it as it is.
   */
  public void insert(Connection c, Sql.IfStored ifStored, String table, String columns, String key)
      throws SQLException {
    if (ifStored == Sql.IfStored.FAIL) {
      append(c, table, columns);
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") " + sql()
        + " ON CONFLICT (" + key + ") DO NOTHING")) {
      bind(ps, 1);
      ps.executeUpdate();
    }
  }

  /**
   * Writes the rows into {@code table} (its {@code columns}, comma-separated, whose types must be
   * this one's exactly) as new rows: a row whose key is stored fails it, as a plain INSERT would. On
   * PostgreSQL by COPY in its binary format, which writes a page's worth of rows with one WAL
   * record and skips the executor's work per row: the same 100,000 event rows went in 25 to 30 %
   * faster than by INSERT ... SELECT FROM unnest() in a scratch PostgreSQL 14. On SQLite by INSERT.
   */
  public void append(Connection c, String table, String columns) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (!postgres) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") " + sql())) {
        bind(ps, 1);
        ps.executeUpdate();
      }
      return;
    }
    CopyBuffer data = copyBinary();
    org.postgresql.copy.CopyIn copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
        .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
    try {
      copy.writeToCopy(data.bytes, 0, data.length);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** The rows in PostgreSQL's binary COPY format: a header, then each row's fields, then a trailer. */
  private CopyBuffer copyBinary() {
    CopyBuffer out = new CopyBuffer(64 * rows.size() * types.length + 64);
    out.put(COPY_SIGNATURE);
    out.putInt(0);
    out.putInt(0);
    for (List<?> row : rows) {
      out.putShort(types.length);
      for (int col = 0; col < types.length; col++) {
        Object v = row.get(col);
        if (v == null) {
          out.putInt(-1);
          continue;
        }
        switch (types[col]) {
          case INT8 -> {
            out.putInt(8);
            out.putLong(((Number) v).longValue());
          }
          case INT4 -> {
            out.putInt(4);
            out.putInt(Math.toIntExact(((Number) v).longValue()));
          }
          case BYTEA -> out.putField((byte[]) v);
          case TEXT -> out.putField(v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    out.putShort(-1);
    return out;
  }

  /**
   * A growing array written big-endian, as COPY wants its numbers: a plain array rather than a
   * DataOutputStream over a ByteArrayOutputStream, which takes a lock for every byte of every number
   * and copies the whole buffer once more at the end.
   */
  private static final class CopyBuffer {
    private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
        int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
        long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    byte[] bytes;
    int length;

    CopyBuffer(int capacity) {
      bytes = new byte[Math.max(capacity, 64)];
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    void put(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, bytes, length, b.length);
      length += b.length;
    }

    void putShort(int v) {
      room(2);
      bytes[length++] = (byte) (v >>> 8);
      bytes[length++] = (byte) v;
    }

    void putInt(int v) {
      room(4);
      INT.set(bytes, length, v);
      length += 4;
    }

    void putLong(long v) {
      room(8);
      LONG.set(bytes, length, v);
      length += 8;
    }

    void putField(byte[] field) {
      putInt(field.length);
      put(field);
    }
  }

  private static void bindOne(PreparedStatement ps, int index, Type type, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(index, switch (type) {
        case INT4 -> java.sql.Types.INTEGER;
        case INT8 -> java.sql.Types.BIGINT;
        case BYTEA -> java.sql.Types.BINARY;
        case TEXT -> java.sql.Types.VARCHAR;
      });
    } else if (v instanceof byte[] bytes) {
      ps.setBytes(index, bytes);
    } else if (v instanceof Number n && type == Type.INT8) {
      ps.setLong(index, n.longValue());
    } else if (v instanceof Number n && type == Type.INT4) {
      ps.setInt(index, Math.toIntExact(n.longValue()));
    } else {
      ps.setString(index, v.toString());
    }
  }
}
