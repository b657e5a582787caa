package dev.kassa.pos.ledger;

import dev.kassa.model.sale.SaleLine;
import dev.kassa.pos.ledger.store.BasketRows;
import java.util.List;

/**
 * The open basket, saved on every change so that a crash or power cut mid-basket restores it
 * line for line. Completing the sale empties it in the sale's own transaction.
 */
public final class Basket {
  private final BasketRows rows;
  private final Runnable requireWriter;

  Basket(BasketRows rows, Runnable requireWriter) {
    this.rows = rows;
    this.requireWriter = requireWriter;
  }

  /** Adds the line, or replaces the line with the same number (a changed quantity or discount). */
  public void put(SaleLine line) {
    requireWriter.run();
    rows.put(line);
  }

  public void remove(int lineNo) {
    requireWriter.run();
    rows.remove(lineNo);
  }

  public void clear() {
    requireWriter.run();
    rows.clear();
  }

  /** The lines as last saved, by line number. */
  public List<SaleLine> lines() {
    return rows.lines();
  }
}
