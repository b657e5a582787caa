package dev.kassa.server.auth.store;

import dev.kassa.server.auth.Principal;
import dev.kassa.server.auth.Role;
import dev.kassa.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tokens, sessions, enrolment and the audit log. Only hashes of tokens and codes are ever
 * written or compared here.
 */
public final class AuthStore {

  /** A user row as the login check needs it. */
  public record Credentials(String userId, String username, String passwordHash, Role role, String storeId,
      boolean disabled) {
    public Principal.User principal() {
      return new Principal.User(userId, username, role, storeId);
    }
  }

  /** One line of the audit log. */
  public record AuditEntry(long id, Instant at, String event, String subject, String remote, String detail) {}

  /** What an enrolling terminal learns about itself. */
  public record Enrolled(String storeId, String storeName, String terminalId, String timeZone, String currency) {}

  private final Database db;

  public AuthStore(Database db) {
    this.db = db;
  }

  public Optional<Principal.Terminal> terminalByTokenHash(String tokenHash) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, store_id FROM terminals WHERE token_hash = ? AND revoked_at IS NULL")) {
        ps.setString(1, tokenHash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Principal.Terminal(rs.getString(1), rs.getString(2))) : Optional.empty();
        }
      }
    });
  }

  public Optional<Principal.User> userBySessionHash(String tokenHash, long nowMillis) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT u.id, u.username, u.role, u.store_id FROM sessions s JOIN users u ON u.id = s.user_id"
              + " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = ?")) {
        ps.setString(1, tokenHash);
        ps.setLong(2, nowMillis);
        ps.setBoolean(3, false);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new Principal.User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                  rs.getString(4)))
              : Optional.empty();
        }
      }
    });
  }

  public Optional<Credentials> credentials(String username) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, username, password_hash, role, store_id, disabled FROM users WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new Credentials(rs.getString(1), rs.getString(2), rs.getString(3),
                  Role.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
              : Optional.empty();
        }
      }
    });
  }

  public void createSession(String tokenHash, String userId, long nowMillis, long expiresMillis) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, tokenHash);
        ps.setString(2, userId);
        ps.setLong(3, nowMillis);
        ps.setLong(4, expiresMillis);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
        ps.setLong(1, nowMillis);
        ps.executeUpdate();
      }
      return null;
    });
  }

  public void deleteSession(String tokenHash) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
        ps.setString(1, tokenHash);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Exchanges an unexpired, unused enrolment code for the terminal's token, in one transaction so
   * that two terminals racing with the same code cannot both win. Empty when the code is unknown,
   * used or expired.
   */
  public Optional<Enrolled> enroll(String codeHash, String tokenHash, long nowMillis) {
    return db.inTransaction(c -> {
      Optional<Enrolled> found = pendingEnrollment(c, codeHash, nowMillis);
      if (found.isEmpty()) {
        return found;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE terminals SET token_hash = ?, enrolled_at = ?, enrollment_code_hash = NULL,"
              + " enrollment_expires_at = NULL WHERE id = ? AND enrollment_code_hash = ?")) {
        ps.setString(1, tokenHash);
        ps.setLong(2, nowMillis);
        ps.setString(3, found.get().terminalId());
        ps.setString(4, codeHash);
        return ps.executeUpdate() == 1 ? found : Optional.<Enrolled>empty();
      }
    });
  }

  private static Optional<Enrolled> pendingEnrollment(Connection c, String codeHash, long nowMillis)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT s.id, s.name, t.id, s.time_zone, s.currency FROM terminals t JOIN stores s ON s.id = t.store_id"
            + " WHERE t.enrollment_code_hash = ? AND t.enrollment_expires_at > ? AND t.revoked_at IS NULL")) {
      ps.setString(1, codeHash);
      ps.setLong(2, nowMillis);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Enrolled(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)))
            : Optional.empty();
      }
    }
  }

  /** Appends to the audit log in its own transaction, so a failed request still leaves a trace. */
  public void audit(long atMillis, String event, String subject, String remote, String detail) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO audit_log (at, event, subject, remote, detail) VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, atMillis);
        ps.setString(2, event);
        ps.setString(3, clip(subject, 200));
        ps.setString(4, clip(remote, 100));
        ps.setString(5, clip(detail, 500));
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Failed logins for {@code username} since a time: the throttle's memory, shared by every server instance. */
  public int failedLoginsSince(String username, long sinceMillis) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM audit_log WHERE event = ? AND subject = ? AND at > ?")) {
        ps.setString(1, AuditEvent.LOGIN_FAILED.name());
        ps.setString(2, clip(username, 200));
        ps.setLong(3, sinceMillis);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  /** Failed enrolments from one remote address since a time: guessing codes is throttled per address. */
  public int failedEnrollmentsSince(String remote, long sinceMillis) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM audit_log WHERE event = ? AND remote = ? AND at > ?")) {
        ps.setString(1, AuditEvent.ENROLL_FAILED.name());
        ps.setString(2, clip(remote, 100));
        ps.setLong(3, sinceMillis);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  /** How many audit rows of one kind there are (tests, the admin console). */
  public int countAudit(AuditEvent event) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE event = ?")) {
        ps.setString(1, event.name());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  /** The newest audit entries, newest first. */
  public List<AuditEntry> recentAudit(int limit) {
    return db.read(c -> {
      List<AuditEntry> entries = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, at, event, subject, remote, detail FROM audit_log ORDER BY id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)));
          }
        }
      }
      return entries;
    });
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
