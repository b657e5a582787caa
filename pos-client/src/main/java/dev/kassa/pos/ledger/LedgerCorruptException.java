package dev.kassa.pos.ledger;

import java.nio.file.Path;

/**
 * The ledger file is damaged. The terminal refuses to sell rather than write into a broken file;
 * the file is left exactly as found so that nothing in it is lost, and
 * {@link LedgerRecovery#restoreLatestBackup} moves it aside and restores the last good backup.
 */
public final class LedgerCorruptException extends LedgerException {
  private final Path file;

  public LedgerCorruptException(Path file, String detail, Throwable cause) {
    super("The sales database on this till is damaged, so selling is stopped to protect the sales in it. "
        + "Nothing has been deleted. To recover, a manager runs `kassa pos restore --data-dir "
        + file.getParent() + "`: the damaged file is kept as " + file.getFileName()
        + ".corrupt-<time>, the last backup is restored, and sales already sent to the server stay safe there.",
        detail, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
