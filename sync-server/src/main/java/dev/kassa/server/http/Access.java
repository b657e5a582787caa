package dev.kassa.server.http;

/**
 * Who may call a route. Checked centrally before the handler runs ({@link AccessGuard}); a
 * handler that reaches its first line knows the caller passed, and reads who it is with
 * {@link dev.kassa.server.auth.Principal#of}.
 *
 * <p>Store scope is the handler's job where a path names a store: an enrolled terminal always acts
 * for its own store (take the store from the principal, never from the request), and a store
 * manager passes {@link #STORE_MANAGER} for any store, so the handler calls
 * {@code Principal.user(ctx).requireStore(storeId)}.
 */
public enum Access {
  /** No credentials: health, the API document, login, enrolment. */
  PUBLIC,
  /** An enrolled, not revoked terminal's bearer token. */
  TERMINAL,
  /** A logged-in admin user. */
  ADMIN,
  /** A logged-in admin or office user (the central office sees every store). */
  OFFICE,
  /** A logged-in admin, office user or store manager; the handler checks the store. */
  STORE_MANAGER,
  /** The Prometheus scraper's metrics token, or a logged-in admin. */
  METRICS
}
