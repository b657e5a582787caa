package dev.kassa.server.card;

import java.time.LocalDate;

/**
 * A loyalty card as issued: its number, status and, once handed to a member, the holder. The
 * points balance is not here: it is derived from the ledger.
 */
public record CardInfo(String number, String status, String holderName, String phone, LocalDate birthday) {
  public static final String ACTIVE = "ACTIVE";
}
