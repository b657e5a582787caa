package dev.kassa.pos.sim.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the sale rows straight from the server's database, so the convergence test can compare the
 * very ids the server holds with those the tills made (the admin API only counts them).
 */
public final class ServerSaleRows {
  private ServerSaleRows() {}

  /** The id of every sale row, duplicates included should there be any. */
  public static List<UUID> ids(String jdbcUrl) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT id FROM sales")) {
      List<UUID> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(UUID.fromString(rs.getString(1)));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the server's sales at " + jdbcUrl, e);
    }
  }
}
