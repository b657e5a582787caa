package dev.kassa.pos.terminal;

import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncFailure;
import dev.kassa.pos.sync.TokenFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start of a terminal: trades the one-time enrollment code for the terminal's identity and
 * bearer token. The token is written first (owner-only file), the profile last, so a profile on
 * disk always has its token beside it.
 */
final class Enrolment {
  private static final Logger log = LoggerFactory.getLogger(Enrolment.class);

  private Enrolment() {}

  static TerminalProfile ensure(TerminalConfig config, SyncClient client, TokenFile token) {
    var known = TerminalProfile.read(config.dataDir());
    if (known.isPresent() && token.read() != null) {
      return known.get();
    }
    if (config.enrollmentCode() == null || config.enrollmentCode().isBlank()) {
      throw new NotEnrolledException("This terminal is not enrolled yet: start it with the enrollment code the"
          + " office gave for it.", null);
    }
    return enrol(config, client, token, config.enrollmentCode(), null);
  }

  /**
   * Trades {@code code} for a token and the terminal's identity, and stores both; when
   * {@code expected} is given (a re-enrolment) a code of another terminal is refused before anything
   * is written.
   */
  static TerminalProfile enrol(TerminalConfig config, SyncClient client, TokenFile token, String code,
      TerminalProfile expected) {
    EnrollResponse enrolled;
    try {
      enrolled = client.enroll(code.strip());
    } catch (SyncFailure e) {
      throw new NotEnrolledException("Enrolment at " + config.serverUrl() + " failed: " + e.describe(), e);
    }
    if (expected != null && !(enrolled.terminalId().equals(expected.terminalId())
        && enrolled.storeId().equals(expected.storeId()))) {
      throw new NotEnrolledException("That code is for terminal " + enrolled.terminalId() + ", not for this terminal "
          + expected.terminalId() + "; the office must issue a code for this one.", null);
    }
    try {
      token.write(enrolled.token());
      TerminalProfile profile = TerminalProfile.of(config.serverUrl(), enrolled);
      profile.write(config.dataDir());
      log.info("enrolled: {}", enrolled);
      return profile;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the terminal's identity in " + config.dataDir(), e);
    }
  }
}
