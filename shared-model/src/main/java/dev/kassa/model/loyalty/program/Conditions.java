package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * When a rule applies; every condition given must hold, an absent one always holds. Dates, days and
 * times are in the program's (the store's) time zone: {@code from}..{@code to} inclusive;
 * {@code timeFrom} inclusive to {@code timeTo} exclusive, crossing midnight when {@code timeTo} is
 * earlier. {@code products} and {@code categories} choose the targeted lines (all lines when both
 * are empty; the rule needs at least one). {@code minCheck} is compared with the check before any
 * discount. {@code birthdayWindowDays} holds within that many days either side of the birthday.
 */
public record Conditions(
    LocalDate from,
    LocalDate to,
    List<DayOfWeek> days,
    LocalTime timeFrom,
    LocalTime timeTo,
    List<String> products,
    List<String> categories,
    BigDecimal minCheck,
    List<String> tiers,
    Boolean firstPurchase,
    Integer birthdayWindowDays) {

  public static final Conditions ALWAYS =
      new Conditions(null, null, null, null, null, null, null, null, null, null, null);

  public Conditions {
    days = Lists.copy(days);
    products = Lists.copy(products);
    categories = Lists.copy(categories);
    tiers = Lists.copy(tiers);
  }
}
