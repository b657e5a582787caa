package dev.kassa.server.loyalty.store;

import dev.kassa.model.sale.Sale;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recomputes a merged sale's points on the server, with the program version the terminal used,
 * and says how the server's figure differs from the terminal's (empty when they agree). Runs in
 * the push transaction, so an implementation may read program versions from the database.
 */
@FunctionalInterface
public interface PointsCheck {
  Optional<MismatchStore.Mismatch> check(Connection c, Sale sale) throws SQLException;
}
