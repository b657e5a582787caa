package dev.kassa.server.loyalty.store;

import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import java.sql.Connection;
import java.util.Optional;

/**
 * The check that needs no program: a sale's earned points must be the sum of its lines' points,
 * as the engine explains them line by line. Used when no engine check is wired.
 */
public final class LinePointsCheck implements PointsCheck {
  @Override
  public Optional<MismatchStore.Mismatch> check(Connection c, Sale sale) {
    if (sale.loyalty() == null) {
      return Optional.empty();
    }
    long lines = 0;
    for (SaleLine line : sale.lines()) {
      lines = Math.addExact(lines, line.points());
    }
    long earned = sale.loyalty().pointsEarned();
    if (lines == earned) {
      return Optional.empty();
    }
    return Optional.of(new MismatchStore.Mismatch(sale.id(), sale.storeId(), sale.terminalId(),
        sale.loyalty().cardNumber(), sale.loyalty().programVersion(), earned, lines,
        "earned points differ from the sum of the lines' points"));
  }
}
