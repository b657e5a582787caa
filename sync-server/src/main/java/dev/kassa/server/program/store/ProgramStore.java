package dev.kassa.server.program.store;

import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.feed.store.ChangeLog;
import dev.kassa.server.program.ProgramSummary;
import dev.kassa.server.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Published loyalty program versions: append-only, each one in the programs feed. */
public final class ProgramStore {
  private final Database db;

  public ProgramStore(Database db) {
    this.db = db;
  }

  /**
   * Publishes {@code document} as {@code version}; false when that version, or a later one, is
   * already published (versions only go up, and a published one never changes).
   */
  public boolean publish(int version, String document, String publishedBy, long nowMillis) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM program_versions");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        int latest = rs.getInt(1);
        if (!rs.wasNull() && latest >= version) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO program_versions (version, document, published_at, published_by) VALUES (?, ?, ?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, document);
        ps.setLong(3, nowMillis);
        ps.setString(4, publishedBy);
        ps.executeUpdate();
      }
      ChangeLog.append(c, Stream.PROGRAMS, null, "program", Integer.toString(version),
          SyncCodec.fromJson(document, com.fasterxml.jackson.databind.JsonNode.class));
      return true;
    });
  }

  public List<ProgramSummary> versions() {
    return db.read(c -> {
      List<ProgramSummary> versions = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version, published_at, published_by FROM program_versions ORDER BY version");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(new ProgramSummary(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
        }
      }
      return versions;
    });
  }

  /** The document of a version exactly as published. */
  public Optional<String> document(int version) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT document FROM program_versions WHERE version = ?")) {
        ps.setInt(1, version);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }
}
