package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The server's verdict on one pushed event; {@code reason} explains a rejection. */
public record EventResult(UUID id, Outcome outcome, String reason) {

  public enum Outcome {
    /** Stored now. */
    ACCEPTED,
    /** Already stored with the same payload: a retry, harmless. */
    DUPLICATE,
    /** Not stored and never will be as sent (bad payload, same id with a different payload...). */
    REJECTED
  }

  public EventResult {
    requireNonNull(id, "id == null");
    requireNonNull(outcome, "outcome == null");
    if (outcome == Outcome.REJECTED && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
  }

  /** Whether the terminal may mark the event as synced. */
  public boolean settled() {
    return outcome != Outcome.REJECTED;
  }
}
