package dev.kassa.server.card;

/** One issued batch: {@code count} consecutive card numbers from {@code first} to {@code last}. */
public record CardBatch(String batchId, int count, String first, String last) {}
