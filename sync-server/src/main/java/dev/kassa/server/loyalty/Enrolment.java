package dev.kassa.server.loyalty;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.UUID;

/** A member enrolment as received; {@code phone} may be null. */
public record Enrolment(UUID eventId, String cardNumber, String phone, long enrolledAtMillis) {

  /** The winner of a merge is the earliest enrolment; the event id breaks ties. */
  public static final Comparator<Enrolment> PRECEDENCE =
      Comparator.comparingLong(Enrolment::enrolledAtMillis).thenComparing(Enrolment::eventId);

  public Enrolment {
    requireNonNull(eventId, "eventId == null");
    requireNonNull(cardNumber, "cardNumber == null");
  }
}
