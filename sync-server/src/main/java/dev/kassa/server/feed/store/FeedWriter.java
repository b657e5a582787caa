package dev.kassa.server.feed.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.Stream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Appends a change to a feed inside the caller's transaction: the entity {@code kind}/{@code key}
 * now looks like {@code data}, or is gone when {@code data} is null. {@code storeId} scopes the
 * change to one store; null means every store.
 */
@FunctionalInterface
public interface FeedWriter {
  void append(Connection c, Stream stream, String storeId, String kind, String key, JsonNode data)
      throws SQLException;
}
