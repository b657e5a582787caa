package dev.kassa.server.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads the change log behind the feeds, for tests that check a write was (or was not) published. */
public final class Changes {
  private Changes() {}

  public static int count(TestServer server, String kind) {
    return server.services().db().read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM changes WHERE kind = ?")) {
        ps.setString(1, kind);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }
}
