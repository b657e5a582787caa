package dev.kassa.server.loyalty.store;

import dev.kassa.model.sale.Sale;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a merged sale's points on the server, with the program version the terminal used,
 * and says how the server's figure differs from the terminal's (empty when they agree). Runs in
 * the push transaction, so an implementation may read program versions from the database.
 */
@FunctionalInterface
public interface PointsCheck {
  Optional<MismatchStore.Mismatch> check(Connection c, Sale sale) throws SQLException;

  /** The mismatches among a batch's sales; an implementation may read their cards' history at once. */
  default List<MismatchStore.Mismatch> checkAll(Connection c, List<Sale> sales) throws SQLException {
    List<MismatchStore.Mismatch> found = new ArrayList<>();
    for (Sale sale : sales) {
      check(c, sale).ifPresent(found::add);
    }
    return found;
  }
}
