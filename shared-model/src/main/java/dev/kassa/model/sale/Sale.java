package dev.kassa.model.sale;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.money.Money;
import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A completed sale as the terminal committed it: the fiscal record. Immutable once committed; a
 * mistake is undone by a {@link SaleVoid} or a {@link SaleReturn}, never by an edit.
 *
 * <p>Invariants checked here: lines numbered 1..n, the total is the sum of the lines' net amounts,
 * and the payments add up to the total exactly (cash change is carried inside the cash payment).
 */
public record Sale(
    UUID id,
    String storeId,
    String terminalId,
    UUID shiftId,
    long receiptNo,
    String cashierId,
    Instant createdAt,
    List<SaleLine> lines,
    Money total,
    List<Payment> payments,
    SaleLoyalty loyalty) implements EventPayload {

  public Sale {
    requireNonNull(id, "id == null");
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
    payments = List.copyOf(requireNonNull(payments, "payments == null"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("sale has no lines");
    }
    Money sum = Money.zero(total.currency());
    for (int i = 0; i < lines.size(); i++) {
      SaleLine line = lines.get(i);
      if (line.lineNo() != i + 1) {
        throw new IllegalArgumentException("line " + (i + 1) + " numbered " + line.lineNo());
      }
      sum = sum.plus(line.net());
    }
    if (!sum.equals(total)) {
      throw new IllegalArgumentException("total " + total + " != sum of lines " + sum);
    }
    Money paid = Money.zero(total.currency());
    for (Payment payment : payments) {
      paid = paid.plus(payment.amount());
    }
    if (!paid.equals(total)) {
      throw new IllegalArgumentException("payments " + paid + " != total " + total);
    }
  }

  public Money change() {
    Money change = Money.zero(total.currency());
    for (Payment payment : payments) {
      change = change.plus(payment.change());
    }
    return change;
  }

  public Money discount() {
    Money discount = Money.zero(total.currency());
    for (SaleLine line : lines) {
      discount = discount.plus(line.discount());
    }
    return discount;
  }
}
