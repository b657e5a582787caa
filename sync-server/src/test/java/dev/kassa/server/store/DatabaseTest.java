package dev.kassa.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.server.testing.Engine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void commitsWhatTheTransactionWrote(Engine engine) {
    try (Database db = engine.openDatabase()) {
      db.inTransaction(c -> insertStore(c, "s1"));
      assertThat(countStores(db)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rollsBackEverythingWhenTheWorkThrows(Engine engine) {
    try (Database db = engine.openDatabase()) {
      assertThatThrownBy(() -> db.inTransaction(c -> {
        insertStore(c, "s1");
        throw new IllegalArgumentException("line 7: bad price");
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("line 7: bad price");
      assertThat(countStores(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void recognisesAUniqueViolationOnEitherEngine(Engine engine) {
    try (Database db = engine.openDatabase()) {
      db.inTransaction(c -> insertStore(c, "s1"));
      assertThatThrownBy(() -> db.inTransaction(c -> insertStore(c, "s1")))
          .isInstanceOf(DataAccessException.class)
          .satisfies(e -> assertThat(db.dialect().isUniqueViolation((SQLException) e.getCause())).isTrue());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void reportsItselfReachable(Engine engine) {
    try (Database db = engine.openDatabase()) {
      assertThat(db.isReachable()).isTrue();
      assertThat(db.dialect().name()).isEqualTo(engine.name());
    }
  }

  private static Integer insertStore(java.sql.Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO stores (id, name, time_zone, currency, created_at) VALUES (?, 'n', 'UTC', 'RUB', 0)")) {
      ps.setString(1, id);
      return ps.executeUpdate();
    }
  }

  private static int countStores(Database db) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM stores"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }
}
