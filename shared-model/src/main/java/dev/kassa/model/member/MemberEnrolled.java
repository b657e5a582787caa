package dev.kassa.model.member;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.EventPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A new loyalty member, possibly enrolled offline. The server merges enrolments: the same phone or
 * card enrolled on two terminals becomes one member. {@code phone} is normalised (E.164);
 * {@code birthday} and {@code referrerCard} may be null.
 */
public record MemberEnrolled(
    String cardNumber, String name, String phone, LocalDate birthday, String referrerCard,
    String storeId, String terminalId, Instant enrolledAt) implements EventPayload {

  public MemberEnrolled {
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(name, "name == null");
    requireNonNull(storeId, "storeId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(enrolledAt, "enrolledAt == null");
  }
}
