package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return against an original sale, possibly from another terminal or store. Its loyalty effect
 * is proportional: the earned points of the returned part are taken back
 * ({@code pointsReversed}), and points the customer paid with for that part are given back
 * ({@code pointsRestored}). {@code approvedBy} is the manager who authorised it, or null when the
 * program lets cashiers return alone.
 */
public record SaleReturn(
    UUID id,
    UUID originalSaleId,
    String storeId,
    String terminalId,
    UUID shiftId,
    long receiptNo,
    String cashierId,
    String approvedBy,
    Instant createdAt,
    List<ReturnLine> lines,
    Money total,
    List<Payment> refunds,
    String cardNumber,
    long pointsReversed,
    long pointsRestored,
    String reason) implements EventPayload {

  public SaleReturn {
    requireNonNull(id, "id == null");
    requireNonNull(originalSaleId, "originalSaleId == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(shiftId, "shiftId == null");
    requireNonNull(cashierId, "cashierId == null");
    requireNonNull(createdAt, "createdAt == null");
    requireNonNull(total, "total == null");
    if (receiptNo <= 0) {
      throw new IllegalArgumentException("receiptNo <= 0: " + receiptNo);
    }
    lines = List.copyOf(requireNonNull(lines, "lines == null"));
    refunds = List.copyOf(requireNonNull(refunds, "refunds == null"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("return has no lines");
    }
    Money sum = Money.zero(total.currency());
    for (ReturnLine line : lines) {
      sum = sum.plus(line.refund());
    }
    if (!sum.equals(total)) {
      throw new IllegalArgumentException("total " + total + " != sum of refunds per line " + sum);
    }
    Money refunded = Money.zero(total.currency());
    for (Payment refund : refunds) {
      refunded = refunded.plus(refund.amount());
    }
    if (!refunded.equals(total)) {
      throw new IllegalArgumentException("refunds " + refunded + " != total " + total);
    }
    if (pointsReversed < 0 || pointsRestored < 0) {
      throw new IllegalArgumentException("negative points: reversed " + pointsReversed + ", restored " + pointsRestored);
    }
  }
}
