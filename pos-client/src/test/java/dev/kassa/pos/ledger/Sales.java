package dev.kassa.pos.ledger;

import dev.kassa.model.id.HybridClock;
import dev.kassa.model.id.UuidV7;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builds realistic sales for the ledger's tests, the kill-test child and the benchmark. */
public final class Sales {
  public static final TerminalIdentity TERMINAL = new TerminalIdentity("store-1", "till-1", java.util.Currency.getInstance("RUB"));
  public static final String CARD = "7000000000017";

  private Sales() {}

  public static LedgerConfig config(Path dataDir) {
    return LedgerConfig.of(dataDir, TERMINAL);
  }

  public static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, "RUB");
  }

  public static SaleLine line(int lineNo, long unitPrice, long count) {
    return new SaleLine(lineNo, "sku-" + lineNo, "460000000000" + lineNo, "Товар " + lineNo, "cat-1",
        Quantity.pieces(count), rub(unitPrice), rub(unitPrice * count), rub(0), "VAT22", 2200, 0, Set.of());
  }

  public static List<SaleLine> lines(int count) {
    List<SaleLine> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(line(i, 10_000 + i * 150L, 1 + i % 3));
    }
    return lines;
  }

  public static Money total(List<SaleLine> lines) {
    Money total = rub(0);
    for (SaleLine line : lines) {
      total = total.plus(line.net());
    }
    return total;
  }

  /** A cash sale of {@code lineCount} lines without a card. */
  public static SaleDraft cash(int lineCount) {
    List<SaleLine> lines = lines(lineCount);
    Money total = total(lines);
    return new SaleDraft(UuidV7.next(), "cashier-1", lines, List.of(Payment.cash(total, total.plus(rub(5_000)))),
        null, List.of());
  }

  /** A card-paid sale with a loyalty card earning {@code points} in one EARN entry. */
  public static SaleDraft withPoints(int lineCount, long points, HybridClock clock) {
    UUID saleId = UuidV7.next();
    List<SaleLine> lines = lines(lineCount);
    Money total = total(lines);
    SaleLoyalty loyalty = new SaleLoyalty(CARD, 1, "SILVER", points, 0, rub(0), null, true, List.of());
    LedgerEntry earn = new LedgerEntry(UuidV7.next(), CARD, EntryType.EARN, points, java.time.Instant.now(),
        clock.now(), TERMINAL.storeId(), TERMINAL.terminalId(), saleId, null, null, null);
    return new SaleDraft(saleId, "cashier-1", lines, List.of(Payment.of(dev.kassa.model.sale.PaymentMethod.CARD, total, "rrn-1")),
        loyalty, List.of(earn));
  }
}
