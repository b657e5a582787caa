package dev.kassa.server.admin;

/** A store as the admin API shows it. */
public record StoreInfo(String id, String name, String timeZone, String currency) {}
