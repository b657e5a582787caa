package dev.kassa.pos.ledger;

import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a return against a sale of this till may take back: only what was sold and not returned yet. */
final class ReturnRules {
  private ReturnRules() {}

  static void check(Sale original, boolean voided, Map<Integer, Long> alreadyReturned, List<ReturnLine> lines) {
    if (voided) {
      throw new DocumentRefusedException("Receipt " + original.receiptNo() + " was voided: nothing to return.");
    }
    Map<Integer, Long> returning = new HashMap<>(alreadyReturned);
    for (ReturnLine line : lines) {
      if (line.originalLineNo() > original.lines().size()) {
        throw new DocumentRefusedException("Receipt " + original.receiptNo() + " has no line " + line.originalLineNo() + ".");
      }
      SaleLine sold = original.lines().get(line.originalLineNo() - 1);
      if (sold.quantity().unit() != line.quantity().unit()) {
        throw new DocumentRefusedException("Line " + line.originalLineNo() + " was sold in " + sold.quantity().unit() + ".");
      }
      long total = returning.merge(line.originalLineNo(), line.quantity().value(), Long::sum);
      if (total > sold.quantity().value()) {
        throw new DocumentRefusedException("Line " + line.originalLineNo() + " of receipt " + original.receiptNo()
            + ": only " + sold.quantity() + " was sold, " + total + " would be returned.");
      }
    }
  }
}
