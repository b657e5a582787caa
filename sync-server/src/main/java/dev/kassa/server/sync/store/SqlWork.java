package dev.kassa.server.sync.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside a transaction the caller opened. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection c) throws SQLException;
}
