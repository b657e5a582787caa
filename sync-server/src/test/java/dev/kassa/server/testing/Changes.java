package dev.kassa.server.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads what the feeds hold ({@code feed_latest}), for tests that check a write was (or was not) published. */
public final class Changes {
  private Changes() {}

  /** How many entities of {@code kind} the feeds hold (tombstones included). */
  public static int count(TestServer server, String kind) {
    return (int) scalar(server, "SELECT COUNT(*) FROM feed_latest WHERE kind = ?", kind);
  }

  /** The seq of the latest change of {@code kind} (0 when none): it moves whenever one is published again. */
  public static long lastSeq(TestServer server, String kind) {
    return scalar(server, "SELECT COALESCE(MAX(seq), 0) FROM feed_latest WHERE kind = ?", kind);
  }

  /** How many changes were ever appended to the feeds, of every kind (the feed's counter). */
  public static long appended(TestServer server) {
    return scalar(server, "SELECT n FROM change_seq WHERE id = 1", null);
  }

  private static long scalar(TestServer server, String sql, String kind) {
    return server.services().db().read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (kind != null) {
          ps.setString(1, kind);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }
}
