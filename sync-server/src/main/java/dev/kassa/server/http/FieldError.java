package dev.kassa.server.http;

/**
 * One problem in a request that can have many: {@code field} says where ("line 12, price_minor",
 * "campaigns[2].effect.percent"), {@code message} what is wrong. Never echoes hostile input.
 */
public record FieldError(String field, String message) {}
