package dev.kassa.archfixture.logic.store;

import java.sql.Connection;

/** Fine: SQL in a store package. */
public class PriceStore {
  public boolean open(Connection connection) throws java.sql.SQLException {
    return !connection.isClosed();
  }
}
