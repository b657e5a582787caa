package dev.kassa.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DataAccessExceptionTest {

  @ParameterizedTest(name = "state {0}, message {1}: busy {2}")
  @CsvSource(textBlock = """
      40001, serialization failure,                  true
      40P01, deadlock detected,                      true
      08006, connection failure,                     true
      53300, too many connections,                   true
      '',    '[SQLITE_BUSY] The database file is locked', true
      23505, duplicate key,                          false
      42601, syntax error,                           false
      """)
  void knowsWhichFailuresAreWorthARetry(String state, String message, boolean busy) {
    SQLException cause = new SQLException(message, state.isEmpty() ? null : state);
    assertThat(new DataAccessException("failed", cause).isBusy()).isEqualTo(busy);
  }

  @Test
  void recognisesAUniqueViolationOfEitherEngine() {
    assertThat(new DataAccessException("f", new SQLException("duplicate key", "23505")).isUniqueViolation()).isTrue();
    assertThat(new DataAccessException("f", new SQLException("[SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed",
        null, 2067)).isUniqueViolation()).isTrue();
    assertThat(new DataAccessException("f", new SQLException("syntax", "42601")).isUniqueViolation()).isFalse();
  }

  @Test
  void aPoolTimeoutIsBusy() {
    assertThat(new DataAccessException("failed", new SQLTransientConnectionException("timeout")).isBusy()).isTrue();
  }
}
