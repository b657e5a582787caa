package dev.kassa.server.admin;

import dev.kassa.server.auth.Role;

/** A back-office user as the admin API shows it (never the password hash). */
public record UserInfo(String id, String username, Role role, String storeId, boolean disabled) {}
