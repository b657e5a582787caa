package dev.kassa.server.feed.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends changes to the feeds inside the caller's transaction ({@link ChangeLog#appendAll} in
 * the server; a recorder in tests of the writers).
 */
@FunctionalInterface
public interface FeedWriter {
  void appendAll(Connection c, List<ChangeLog.Entry> entries) throws SQLException;
}
