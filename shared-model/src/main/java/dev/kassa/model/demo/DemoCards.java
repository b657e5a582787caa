package dev.kassa.model.demo;

import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.code.PhoneNumber;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The demo's loyalty members: Russian names from first-name and surname lists (surnames take the
 * feminine ending for women), unique mobile numbers typed the way a cashier would and then
 * normalised, and birthdays of which a few fall in the coming week so a birthday campaign has
 * someone to greet.
 */
final class DemoCards {
  static final int COUNT = 50;
  /** Cards with a birthday 0, 2, 4 and 6 days after "today". */
  static final int[] UPCOMING_BIRTHDAY_OFFSETS = {0, 2, 4, 6};

  private static final List<String> WOMEN = List.of("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна",
      "Ирина", "Светлана", "Екатерина", "Юлия", "Дарья", "Ксения", "Алина", "Виктория", "Полина");
  private static final List<String> MEN = List.of("Александр", "Дмитрий", "Сергей", "Андрей", "Алексей",
      "Максим", "Иван", "Михаил", "Николай", "Павел", "Артём", "Егор", "Владимир", "Константин", "Роман");
  /** Masculine forms; all of them take "а" for the feminine. */
  private static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
      "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
      "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
      "Никитин", "Захаров");

  private DemoCards() {}

  static List<DemoCard> generate(Random random, LocalDate today) {
    LoyaltyCardFormat format = LoyaltyCardFormat.standard();
    Set<String> names = new HashSet<>();
    Set<String> phones = new HashSet<>();
    List<DemoCard> cards = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String number = format.generate(10_001L + i).orElseThrow();
      String name;
      do {
        name = name(random);
      } while (!names.add(name));
      String phone;
      do {
        phone = phone(random);
      } while (!phones.add(phone));
      LocalDate birthday = i < UPCOMING_BIRTHDAY_OFFSETS.length
          ? birthdayOn(today.plusDays(UPCOMING_BIRTHDAY_OFFSETS[i]), random)
          : LocalDate.of(1955 + random.nextInt(50), 1, 1).plusDays(random.nextInt(365));
      cards.add(new DemoCard(number, name, phone, birthday, openingPoints(random)));
    }
    return cards;
  }

  private static String name(Random random) {
    String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
    return random.nextBoolean()
        ? WOMEN.get(random.nextInt(WOMEN.size())) + " " + surname + "а"
        : MEN.get(random.nextInt(MEN.size())) + " " + surname;
  }

  /** A mobile number as a cashier types it, normalised the way the till does it. */
  private static String phone(Random random) {
    String typed = String.format(Locale.ROOT, "8 (9%02d) %03d-%02d-%02d",
        random.nextInt(100), random.nextInt(1000), random.nextInt(100), random.nextInt(100));
    return PhoneNumber.parse(typed, "RU").orElseThrow().e164();
  }

  /** A birthday on {@code date}'s day of the year, in a year an adult was born (29 Feb in a leap year). */
  private static LocalDate birthdayOn(LocalDate date, Random random) {
    MonthDay day = MonthDay.from(date);
    int year = 1960 + random.nextInt(40);
    while (!day.isValidYear(year)) {
      year++;
    }
    return day.atYear(year);
  }

  /** Most members hold a few hundred points; some none, a couple enough to hit the redemption cap. */
  private static long openingPoints(Random random) {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return 0;
    }
    if (roll == 9) {
      return 10_000 + random.nextInt(20_000);
    }
    return 50 + random.nextInt(2_000);
  }
}
