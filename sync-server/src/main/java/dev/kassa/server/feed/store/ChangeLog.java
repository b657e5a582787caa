package dev.kassa.server.feed.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records that an entity changed, in the same transaction as the change itself, so that the pull
 * feeds can never miss a committed change nor show an uncommitted one. {@code storeId} null means
 * the change concerns every store (catalog, programs, cards); {@code data} null is a tombstone.
 *
 * <p>This is the write side only; paging the feed (cursors, snapshots, out-of-order commits) is
 * the pull feature's job, which may change how rows are stored but keeps this signature.
 */
public final class ChangeLog {
  private ChangeLog() {}

  public static void append(Connection connection, Stream stream, String storeId, String kind, String key,
      JsonNode data) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO changes (stream, store_id, kind, entity_key, data, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, stream.id());
      ps.setString(2, storeId);
      ps.setString(3, kind);
      ps.setString(4, key);
      ps.setString(5, data == null ? null : SyncCodec.toJson(data));
      ps.setLong(6, System.currentTimeMillis());
      ps.executeUpdate();
    }
  }
}
