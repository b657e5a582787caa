package dev.kassa.server.admin.store;

import dev.kassa.server.admin.StoreInfo;
import dev.kassa.server.admin.TerminalInfo;
import dev.kassa.server.admin.UserInfo;
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

/** Stores, terminals and users. A duplicate id answers {@code false}, the caller makes it a 409. */
public final class AdminStore {
  /** Outcome of creating something that belongs to a parent. */
  public enum Created { CREATED, DUPLICATE, NO_PARENT }

  private final Database db;

  public AdminStore(Database db) {
    this.db = db;
  }

  public boolean createStore(StoreInfo store, long nowMillis) {
    return db.inTransaction(c -> {
      if (exists(c, "SELECT 1 FROM stores WHERE id = ?", store.id())) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO stores (id, name, time_zone, currency, created_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, store.id());
        ps.setString(2, store.name());
        ps.setString(3, store.timeZone());
        ps.setString(4, store.currency());
        ps.setLong(5, nowMillis);
        ps.executeUpdate();
      }
      return true;
    });
  }

  public List<StoreInfo> stores() {
    return db.read(c -> {
      List<StoreInfo> stores = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, name, time_zone, currency FROM stores ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stores.add(new StoreInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      return stores;
    });
  }

  public boolean storeExists(String storeId) {
    return db.read(c -> exists(c, "SELECT 1 FROM stores WHERE id = ?", storeId));
  }

  /** A new terminal waiting for enrolment with the code whose hash is given. */
  public Created createTerminal(String storeId, String terminalId, String name, String codeHash,
      long expiresMillis, long nowMillis) {
    return db.inTransaction(c -> {
      if (!exists(c, "SELECT 1 FROM stores WHERE id = ?", storeId)) {
        return Created.NO_PARENT;
      }
      if (exists(c, "SELECT 1 FROM terminals WHERE id = ?", terminalId)) {
        return Created.DUPLICATE;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO terminals (id, store_id, name, enrollment_code_hash, enrollment_expires_at, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, terminalId);
        ps.setString(2, storeId);
        ps.setString(3, name);
        ps.setString(4, codeHash);
        ps.setLong(5, expiresMillis);
        ps.setLong(6, nowMillis);
        ps.executeUpdate();
      }
      return Created.CREATED;
    });
  }

  /**
   * A fresh enrolment code for an existing terminal (a replaced till). The old token keeps working
   * until the code is used, so issuing a code never takes a selling till offline.
   */
  public boolean newEnrollmentCode(String terminalId, String codeHash, long expiresMillis) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE terminals SET enrollment_code_hash = ?, enrollment_expires_at = ?, revoked_at = NULL WHERE id = ?")) {
        ps.setString(1, codeHash);
        ps.setLong(2, expiresMillis);
        ps.setString(3, terminalId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Revokes the token and any pending code: the terminal is refused from its next call on. */
  public boolean revokeTerminal(String terminalId, long nowMillis) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE terminals SET revoked_at = ?, token_hash = NULL, enrollment_code_hash = NULL,"
              + " enrollment_expires_at = NULL WHERE id = ?")) {
        ps.setLong(1, nowMillis);
        ps.setString(2, terminalId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public List<TerminalInfo> terminals(String storeId) {
    return db.read(c -> {
      List<TerminalInfo> terminals = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, store_id, name, enrolled_at, revoked_at, enrollment_expires_at FROM terminals"
              + " WHERE store_id = ? ORDER BY id")) {
        ps.setString(1, storeId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            terminals.add(terminal(rs));
          }
        }
      }
      return terminals;
    });
  }

  public Optional<TerminalInfo> terminal(String terminalId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, store_id, name, enrolled_at, revoked_at, enrollment_expires_at FROM terminals WHERE id = ?")) {
        ps.setString(1, terminalId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(terminal(rs)) : Optional.empty();
        }
      }
    });
  }

  private static TerminalInfo terminal(ResultSet rs) throws SQLException {
    long expires = rs.getLong(6);
    Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
    rs.getLong(4);
    boolean enrolled = !rs.wasNull();
    rs.getLong(5);
    boolean revoked = !rs.wasNull();
    return new TerminalInfo(rs.getString(1), rs.getString(2), rs.getString(3), enrolled, revoked, null, expiresAt);
  }

  public Created createUser(String userId, String username, String passwordHash, Role role, String storeId,
      long nowMillis) {
    return db.inTransaction(c -> {
      if (storeId != null && !exists(c, "SELECT 1 FROM stores WHERE id = ?", storeId)) {
        return Created.NO_PARENT;
      }
      if (exists(c, "SELECT 1 FROM users WHERE username = ?", username)) {
        return Created.DUPLICATE;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO users (id, username, password_hash, role, store_id, disabled, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, userId);
        ps.setString(2, username);
        ps.setString(3, passwordHash);
        ps.setString(4, role.name());
        ps.setString(5, storeId);
        ps.setBoolean(6, false);
        ps.setLong(7, nowMillis);
        ps.executeUpdate();
      }
      return Created.CREATED;
    });
  }

  public List<UserInfo> users() {
    return db.read(c -> {
      List<UserInfo> users = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, username, role, store_id, disabled FROM users ORDER BY username");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          users.add(new UserInfo(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
              rs.getString(4), rs.getBoolean(5)));
        }
      }
      return users;
    });
  }

  /** Disables a user and ends their sessions at once; false when there is no such user. */
  public boolean disableUser(String username) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = ?)")) {
        ps.setString(1, username);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE username = ?")) {
        ps.setBoolean(1, true);
        ps.setString(2, username);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public boolean hasUsers() {
    return db.read(c -> exists(c, "SELECT 1 FROM users LIMIT 1", null));
  }

  private static boolean exists(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
