package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a country (or a chain) lays out GS1 variable-measure EAN-13 barcodes, the ones scales print
 * on weighed goods. GS1 reserves prefixes 20-29 for in-store use and leaves the rest to national
 * GS1 organisations and retailers, so the layout is configuration, not code.
 *
 * <p>Each {@link Rule} covers a range of prefixes: 2 prefix digits, then the item code, then an
 * optional GS1 price/weight verifier digit, then the value, then the EAN check digit: 13 in all.
 */
public record VariableMeasureLayout(List<Rule> rules) {

  /** One prefix range and what its barcodes hold. */
  public record Rule(
      int firstPrefix, int lastPrefix, int itemDigits, int valueDigits, MeasureKind kind,
      boolean innerCheckDigit) {

    public Rule {
      requireNonNull(kind, "kind == null");
      if (firstPrefix < 20 || lastPrefix > 29 || firstPrefix > lastPrefix) {
        throw new IllegalArgumentException("prefixes must be a range within 20-29: " + firstPrefix + "-" + lastPrefix);
      }
      if (itemDigits < 1 || valueDigits < 1) {
        throw new IllegalArgumentException("itemDigits and valueDigits must be positive");
      }
      if (innerCheckDigit && valueDigits != 4 && valueDigits != 5) {
        throw new IllegalArgumentException("a verifier digit needs a 4- or 5-digit value, not " + valueDigits);
      }
      int total = 2 + itemDigits + (innerCheckDigit ? 1 : 0) + valueDigits + 1;
      if (total != 13) {
        throw new IllegalArgumentException("fields add up to " + total + " digits, EAN-13 has 13");
      }
    }

    public boolean covers(int prefix) {
      return prefix >= firstPrefix && prefix <= lastPrefix;
    }

    /** The largest value the field can hold: 99999 g for five digits. */
    public long maxValue() {
      long max = 1;
      for (int i = 0; i < valueDigits; i++) {
        max *= 10;
      }
      return max - 1;
    }
  }

  public VariableMeasureLayout {
    rules = List.copyOf(requireNonNull(rules, "rules == null"));
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        if (a.firstPrefix() <= b.lastPrefix() && b.firstPrefix() <= a.lastPrefix()) {
          throw new IllegalArgumentException("rules overlap on prefixes " + a.firstPrefix() + "-" + a.lastPrefix()
              + " and " + b.firstPrefix() + "-" + b.lastPrefix());
        }
      }
    }
  }

  /**
   * Kassa's default, following the weight layout most Russian label scales are set up to print
   * (prefix, 5-digit PLU, 5-digit grams); a chain with another setup configures its own rules:
   *
   * <ul>
   *   <li>prefixes 20-25, weight: {@code PP IIIII WWWWW C}, a 5-digit PLU item code and the net
   *       weight in grams (up to 99.999 kg), no verifier digit;
   *   <li>prefixes 26-29, price: {@code PP IIII VVVVVV C}, a 4-digit item code and the price in
   *       kopecks (up to 9 999.99 RUB), for goods priced at a service counter.
   * </ul>
   */
  public static VariableMeasureLayout russia() {
    return new VariableMeasureLayout(List.of(
        new Rule(20, 25, 5, 5, MeasureKind.WEIGHT_GRAMS, false),
        new Rule(26, 29, 4, 6, MeasureKind.PRICE_MINOR, false)));
  }

  /** The rule for a two-digit prefix, or null when this layout does not use it. */
  public Rule ruleFor(int prefix) {
    for (Rule rule : rules) {
      if (rule.covers(prefix)) {
        return rule;
      }
    }
    return null;
  }

  /** True when {@code code} starts with a prefix this layout reads; says nothing about validity. */
  public boolean claims(String code) {
    return code != null && code.length() == GtinFormat.EAN_13.length()
        && code.charAt(0) == '2' && Character.isDigit(code.charAt(1)) && ruleFor(prefixOf(code)) != null;
  }

  /** Reads a scale label: checks the EAN-13, the prefix and the verifier digit, then splits the fields. */
  public CodeResult<VariableMeasure> decode(String code) {
    return Gtin.parse(code, GtinFormat.EAN_13).flatMap(this::decode);
  }

  /** Splits an already valid EAN-13 into item and value. */
  public CodeResult<VariableMeasure> decode(Gtin gtin) {
    String digits = gtin.asEan13();
    int prefix = prefixOf(digits);
    Rule rule = digits.length() == 13 ? ruleFor(prefix) : null;
    if (rule == null) {
      return CodeResult.invalid(InvalidReason.WRONG_PREFIX,
          "barcode " + digits + " has no variable-measure prefix of this layout");
    }
    int itemEnd = 2 + rule.itemDigits();
    int valueStart = itemEnd + (rule.innerCheckDigit() ? 1 : 0);
    String value = digits.substring(valueStart, valueStart + rule.valueDigits());
    if (rule.innerCheckDigit()) {
      int expected = PriceCheckDigit.of(value);
      char actual = digits.charAt(itemEnd);
      if (actual - '0' != expected) {
        return CodeResult.invalid(InvalidReason.BAD_INNER_CHECK_DIGIT,
            "variable-measure barcode: bad verifier digit " + actual + " for value " + value + ", expected " + expected);
      }
    }
    return CodeResult.ok(new VariableMeasure(
        gtin, prefix, digits.substring(2, itemEnd), rule.kind(), Long.parseLong(value)));
  }

  /**
   * Builds the barcode a scale would print: {@code itemCode} is zero-padded to the rule's width,
   * {@code value} is grams or minor units as the prefix's rule says.
   */
  public CodeResult<Gtin> encode(int prefix, String itemCode, long value) {
    Rule rule = ruleFor(prefix);
    if (rule == null) {
      return CodeResult.invalid(InvalidReason.WRONG_PREFIX, "prefix " + prefix + " is not in this layout");
    }
    CodeResult<Gtin> notDigits = Digits.requireDigits(itemCode, "item code");
    if (notDigits != null) {
      return notDigits;
    }
    if (itemCode.length() > rule.itemDigits()) {
      return Digits.wrongLength("item code", itemCode.length(), "at most " + rule.itemDigits());
    }
    if (value < 0 || value > rule.maxValue()) {
      return CodeResult.invalid(InvalidReason.OUT_OF_RANGE,
          "value " + value + " does not fit " + rule.valueDigits() + " digits");
    }
    String valueField = zeroPad(Long.toString(value), rule.valueDigits());
    String body = prefix + zeroPad(itemCode, rule.itemDigits())
        + (rule.innerCheckDigit() ? Integer.toString(PriceCheckDigit.of(valueField)) : "") + valueField;
    return Gtin.complete(body, GtinFormat.EAN_13);
  }

  private static int prefixOf(String digits) {
    return Digits.at(digits, 0) * 10 + Digits.at(digits, 1);
  }

  private static String zeroPad(String digits, int width) {
    return "0".repeat(width - digits.length()) + digits;
  }
}
