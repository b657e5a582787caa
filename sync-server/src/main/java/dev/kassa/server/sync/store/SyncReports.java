package dev.kassa.server.sync.store;

import dev.kassa.model.sync.PushResponse.ChainStatus;
import java.util.Map;

/** What the office and the convergence checks read about pushes: sales per terminal, broken chains. */
public final class SyncReports {
  private final Transactions tx;
  private final SaleStore sales = new SaleStore();
  private final JournalStore journal = new JournalStore();

  public SyncReports(Transactions tx) {
    this.tx = tx;
  }

  /** Sales the server holds, by terminal id. */
  public Map<String, Long> salesPerTerminal() {
    return tx.read(sales::countPerTerminal);
  }

  /** Terminals whose journal chain has a gap or a fork. */
  public Map<String, ChainStatus> brokenChains() {
    return tx.read(journal::brokenChains);
  }
}
