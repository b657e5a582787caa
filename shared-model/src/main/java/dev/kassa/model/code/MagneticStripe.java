package dev.kassa.model.code;

/**
 * Reads the account number from a magnetic-stripe swipe as a keyboard-wedge reader types it:
 * track 1 {@code %B<number>^NAME^...?} or track 2 {@code ;<number>=<data>?}. Plastic loyalty cards
 * often carry the same number on the stripe and in the barcode.
 */
final class MagneticStripe {
  private MagneticStripe() {}

  /** The account number, or null when {@code text} is not a stripe swipe. */
  static String accountNumber(String text) {
    if (text.startsWith("%B")) {
      int end = text.indexOf('^');
      return end > 2 ? text.substring(2, end) : null;
    }
    if (text.startsWith(";") && text.endsWith("?")) {
      int end = text.indexOf('=');
      return text.substring(1, end > 0 ? end : text.length() - 1);
    }
    return null;
  }
}
