package dev.kassa.server.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * How the office settles an overdraft conflict: {@code NET} keeps the default policy (the
 * negative balance is netted against future accruals), {@code WRITE_OFF} forgives it with an
 * adjustment back to zero. {@code reason} is required and audited.
 */
public record ResolveRequest(Action action, String reason) {
  public enum Action { NET, WRITE_OFF }

  public ResolveRequest {
    requireNonNull(action, "action == null");
    requireNonNull(reason, "reason == null");
  }
}
