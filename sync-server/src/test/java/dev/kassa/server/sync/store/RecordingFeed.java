package dev.kassa.server.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.Stream;
import dev.kassa.server.feed.store.FeedWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A feed that remembers what was appended (committed or not), for tests of the writers. */
public final class RecordingFeed implements FeedWriter {
  public record Appended(Stream stream, String storeId, String kind, String key, JsonNode data) {}

  public final List<Appended> appended = new CopyOnWriteArrayList<>();

  @Override
  public void append(Connection c, Stream stream, String storeId, String kind, String key, JsonNode data) {
    appended.add(new Appended(stream, storeId, kind, key, data));
  }
}
