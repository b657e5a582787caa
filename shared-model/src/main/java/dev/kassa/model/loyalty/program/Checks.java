package dev.kassa.model.loyalty.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The checks program validation is made of, collecting violations with their paths into one list
 * shared by {@link ProgramValidator} and {@link RuleValidator}.
 */
abstract class Checks {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final int MAX_BIRTHDAY_WINDOW = 31;

  final List<ProgramViolation> violations;
  /** Decimals of the program's currency: money amounts may not have more. */
  int fractionDigits = 2;

  Checks(List<ProgramViolation> violations) {
    this.violations = violations;
  }

  void rate(String path, Rate rate) {
    boolean perAmount = rate.points() != null || rate.per() != null;
    if (perAmount == (rate.percent() != null)) {
      fail(path, "give either points and per (e.g. 1 point per 100.00) or percent");
      return;
    }
    if (perAmount) {
      if (rate.points() == null || rate.points() < 1) {
        fail(path + ".points", "must be 1 or more");
      }
      if (rate.per() == null) {
        fail(path + ".per", "is required: the amount that earns the points, e.g. 100.00");
      } else if (money(path + ".per", rate.per(), false) && rate.per().signum() == 0) {
        fail(path + ".per", "must be more than 0");
      }
    } else {
      percent(path + ".percent", rate.percent());
    }
  }

  void exclusions(String path, Exclusions exclusions) {
    if (hasNull(exclusions.flags())) {
      fail(path + ".flags", "has an empty flag");
    }
    names(path + ".categories", exclusions.categories());
    names(path + ".products", exclusions.products());
  }

  void names(String path, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (blank(names.get(i))) {
        fail(path + "[" + i + "]", "is blank");
      }
    }
  }

  void id(String path, String id, Set<String> seen, String what) {
    if (blank(id)) {
      fail(path, "is required");
    } else if (!seen.add(id)) {
      fail(path, "another " + what + " has the id '" + id + "'");
    }
  }

  void percent(String path, BigDecimal percent) {
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
      fail(path, "must be 0.01..100, at most 2 decimals");
    }
  }

  /** A money amount in the program's currency; true when well-formed (so callers may check more). */
  boolean money(String path, BigDecimal amount, boolean zeroAllowed) {
    if (amount.signum() < 0) {
      fail(path, zeroAllowed ? "must be 0 or more" : "must be more than 0");
      return false;
    }
    if (amount.stripTrailingZeros().scale() > fractionDigits) {
      fail(path, "has more than " + fractionDigits + " decimals");
      return false;
    }
    try {
      amount.movePointRight(fractionDigits).longValueExact();
    } catch (ArithmeticException e) {
      fail(path, "is too large");
      return false;
    }
    return true;
  }

  void nonNegative(String path, Long value) {
    if (value != null && value < 0) {
      fail(path, "must be 0 or more");
    }
  }

  static boolean hasNull(List<?> list) {
    for (Object item : list) {
      if (item == null) {
        return true;
      }
    }
    return false;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  void fail(String path, String message) {
    violations.add(new ProgramViolation(path, message));
  }
}
