package dev.kassa.server.auth;

/** What a back-office user may do; a store manager is tied to one store. */
public enum Role {
  ADMIN,
  OFFICE,
  STORE_MANAGER
}
