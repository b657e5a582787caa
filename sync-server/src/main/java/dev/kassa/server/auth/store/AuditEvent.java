package dev.kassa.server.auth.store;

/** The kinds of entries in the audit log. */
public enum AuditEvent {
  /** A request without a valid token for a protected route (401). */
  UNAUTHENTICATED,
  /** A valid caller asking for something their role or store does not allow (403). */
  FORBIDDEN,
  /** A wrong user name or password. */
  LOGIN_FAILED,
  /** A login refused because of too many recent failures. */
  LOGIN_THROTTLED,
  LOGIN,
  /** An unknown, used or expired enrolment code. */
  ENROLL_FAILED,
  /** An enrolment refused because of too many recent failures from the same address. */
  ENROLL_THROTTLED,
  ENROLLED
}
