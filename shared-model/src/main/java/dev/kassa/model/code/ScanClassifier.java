package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * Decides what the cashier just scanned or typed into the one input field of the sale screen:
 * a product, a weighed item, a loyalty card (barcode or magnetic stripe), a receipt QR, or a phone
 * number. Lengths keep the kinds apart: product barcodes have 8, 12 or 13 digits, phone numbers 10
 * or 11, cards the length of their {@link LoyaltyCardFormat} (16 by default).
 *
 * <p>Input that is none of these comes back as {@link Scan.Unknown} with the most specific
 * reason found (a 13-digit code with a bad check digit says so), never as an exception.
 */
public final class ScanClassifier {

  /** Receipt QR codes carry the sale id after this prefix. */
  public static final String RECEIPT_PREFIX = "KASSA-R:";

  private final VariableMeasureLayout layout;
  private final LoyaltyCardFormat cards;
  private final String defaultCountry;

  public ScanClassifier(VariableMeasureLayout layout, LoyaltyCardFormat cards, String defaultCountry) {
    this.layout = requireNonNull(layout, "layout == null");
    this.cards = requireNonNull(cards, "cards == null");
    this.defaultCountry = requireNonNull(defaultCountry, "defaultCountry == null");
  }

  /** Russian weight labels, the standard card format, Russian phone numbers. */
  public static ScanClassifier standard() {
    return new ScanClassifier(VariableMeasureLayout.russia(), LoyaltyCardFormat.standard(), "RU");
  }

  public Scan classify(String input) {
    if (input == null || input.isBlank()) {
      return new Scan.Unknown(InvalidReason.EMPTY, "nothing was scanned");
    }
    String text = input.strip();
    if (isReceipt(text)) {
      return receipt(text.substring(RECEIPT_PREFIX.length()));
    }
    if (RussianKeyboard.hasCyrillic(text) && isReceipt(RussianKeyboard.toLatin(text))) {
      return receipt(RussianKeyboard.toLatin(text).substring(RECEIPT_PREFIX.length()));
    }
    String stripe = MagneticStripe.accountNumber(text);
    if (stripe != null) {
      return card(stripe);
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return digits(text);
    }
    if (text.chars().allMatch(c -> c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.'
        || (c >= '0' && c <= '9'))) {
      return phone(text);
    }
    return new Scan.Unknown(InvalidReason.UNRECOGNISED,
        "not a barcode, card, receipt or phone number: " + Digits.abbreviate(text));
  }

  private Scan digits(String text) {
    if (cards.claims(text)) {
      return card(text);
    }
    int length = text.length();
    if (GtinFormat.ofLength(length) != null) {
      CodeResult<Gtin> gtin = Gtin.parse(text);
      if (gtin instanceof CodeResult.Invalid<Gtin> invalid) {
        return unknown(invalid);
      }
      Gtin code = gtin.orElseThrow();
      if (layout.claims(code.asEan13())) {
        CodeResult<VariableMeasure> measure = layout.decode(code);
        return measure instanceof CodeResult.Invalid<VariableMeasure> invalid
            ? unknown(invalid) : new Scan.WeighedItem(measure.orElseThrow());
      }
      return new Scan.ProductBarcode(code);
    }
    if (length == 10 || length == 11) {
      return phone(text);
    }
    if (length == cards.length()) {
      return card(text);
    }
    return new Scan.Unknown(InvalidReason.WRONG_LENGTH, length + " digits: not a barcode (8, 12 or 13), a card ("
        + cards.length() + ") or a phone number (10 or 11)");
  }

  private Scan card(String number) {
    CodeResult<String> card = cards.validate(number);
    return card instanceof CodeResult.Invalid<String> invalid
        ? unknown(invalid) : new Scan.LoyaltyCard(card.orElseThrow());
  }

  private Scan phone(String text) {
    CodeResult<PhoneNumber> phone = PhoneNumber.parse(text, defaultCountry);
    return phone instanceof CodeResult.Invalid<PhoneNumber> invalid
        ? unknown(invalid) : new Scan.Phone(phone.orElseThrow());
  }

  /** Case-insensitive: with Caps Lock on, a keyboard-wedge scanner inverts the case of every letter. */
  private static boolean isReceipt(String text) {
    return text.regionMatches(true, 0, RECEIPT_PREFIX, 0, RECEIPT_PREFIX.length());
  }

  private static Scan receipt(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      // UUID.fromString is lenient about short groups; only the canonical 36-character form round-trips
      if (uuid.toString().equalsIgnoreCase(id)) {
        return new Scan.ReceiptQr(uuid);
      }
    } catch (IllegalArgumentException notAUuid) {
      // falls through to the typed answer below
    }
    return new Scan.Unknown(InvalidReason.BAD_RECEIPT_ID, "receipt QR without a valid id: " + Digits.abbreviate(id));
  }

  private static Scan unknown(CodeResult.Invalid<?> invalid) {
    return new Scan.Unknown(invalid.reason(), invalid.message());
  }
}
