package dev.kassa.pos.terminal;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.model.sync.SyncCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/**
 * Who this terminal is, as enrolment told it, kept in {@code terminal.json} beside the ledger: the
 * server, the store (its time zone and currency) and the terminal id. Not secret; the token lives
 * apart in the owner-only token file.
 */
public record TerminalProfile(String serverUrl, String storeId, String storeName, String terminalId, String timeZone,
    String currency) {

  static final String FILE = "terminal.json";

  public TerminalProfile {
    requireNonNull(serverUrl, "serverUrl == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(storeName, "storeName == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(timeZone, "timeZone == null");
    requireNonNull(currency, "currency == null");
  }

  static TerminalProfile of(String serverUrl, EnrollResponse enrolled) {
    return new TerminalProfile(serverUrl, enrolled.storeId(), enrolled.storeName(), enrolled.terminalId(),
        enrolled.timeZone(), enrolled.currency());
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public Currency storeCurrency() {
    return Currency.getInstance(currency);
  }

  /** The profile in {@code dataDir}, or empty for a terminal not enrolled yet. */
  public static Optional<TerminalProfile> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SyncCodec.fromJson(Files.readAllBytes(file), TerminalProfile.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Written whole or not at all: a crash leaves the old profile or none. */
  void write(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path temp = dataDir.resolve(FILE + ".tmp");
    Files.write(temp, SyncCodec.canonicalBytes(this));
    Files.move(temp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
