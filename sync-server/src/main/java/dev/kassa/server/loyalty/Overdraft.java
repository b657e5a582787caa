package dev.kassa.server.loyalty;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A card spent below zero by redemptions: {@code trigger} is the redemption that took the balance
 * below zero, {@code involved} the redemptions that spent from the last peak of the balance up to
 * it and those made while it stayed negative, {@code deficit} how far below zero it went.
 */
public record Overdraft(String cardNumber, Movement trigger, List<Movement> involved, long deficit) {
  public Overdraft {
    requireNonNull(cardNumber, "cardNumber == null");
    requireNonNull(trigger, "trigger == null");
    involved = List.copyOf(involved);
    if (deficit <= 0) {
      throw new IllegalArgumentException("deficit <= 0: " + deficit);
    }
  }

  /** The same on every server and for every arrival order: derived from the card and the trigger. */
  public UUID conflictId() {
    return UUID.nameUUIDFromBytes(("overdraft:" + cardNumber + ":" + trigger.entryId())
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The involved redemptions as a conflict names them. */
  public List<Conflict.Involved> conflictInvolved() {
    return involved.stream()
        .map(m -> new Conflict.Involved(m.entryId(), m.saleId(), m.storeId(), m.terminalId(), m.points()))
        .toList();
  }
}
