package dev.kassa.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection; may throw {@link SQLException}, which the caller maps. */
@FunctionalInterface
public interface SqlFunction<T> {
  T apply(Connection connection) throws SQLException;
}
