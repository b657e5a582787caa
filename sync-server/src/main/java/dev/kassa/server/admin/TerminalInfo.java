package dev.kassa.server.admin;

import java.time.Instant;

/**
 * A terminal as the admin API shows it. {@code enrollmentCode} is present only in the answer that
 * created the code: the server keeps just its hash.
 */
public record TerminalInfo(String id, String storeId, String name, boolean enrolled, boolean revoked,
    String enrollmentCode, Instant enrollmentExpiresAt) {

  public TerminalInfo withCode(String code, Instant expires) {
    return new TerminalInfo(id, storeId, name, enrolled, revoked, code, expires);
  }
}
