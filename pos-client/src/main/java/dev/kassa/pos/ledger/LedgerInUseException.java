package dev.kassa.pos.ledger;

import java.nio.file.Path;

/** Another Kassa process (or another ledger in this one) already has the terminal's data directory open. */
public final class LedgerInUseException extends LedgerException {
  public LedgerInUseException(Path dataDir) {
    super("Kassa is already running with this till's data (" + dataDir
        + "). Close the other window or command first; only one may write the sales database.", null, null);
  }
}
