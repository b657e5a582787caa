package dev.kassa.archfixture.logic;

import java.sql.Connection;
import java.sql.SQLException;

/** Deliberately bad: SQL outside a store package. Only the architecture tests look at it. */
public class PriceLookup {
  public long price(Connection connection) throws SQLException {
    try (var statement = connection.prepareStatement("select 1")) {
      return statement.executeQuery().getLong(1);
    }
  }
}
