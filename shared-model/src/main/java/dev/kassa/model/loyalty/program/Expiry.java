package dev.kassa.model.loyalty.program;

/** Earned and bonus points expire {@code afterDays} days after they were credited, oldest first. */
public record Expiry(Integer afterDays) {
}
