package dev.kassa.server.sync.store;

import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.feed.store.FeedWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Appends to the real change log and remembers what was appended, for tests of the writers. */
public final class RecordingFeed implements FeedWriter {
  public final List<ChangeLog.Entry> appended = new CopyOnWriteArrayList<>();

  @Override
  public void appendAll(Connection c, List<ChangeLog.Entry> entries) throws SQLException {
    ChangeLog.appendAll(c, entries);
    appended.addAll(entries);
  }
}
