package dev.kassa.model.code;

/**
 * What is wrong with a scanned or typed code. The till maps each reason to a short cashier message
 * and the sync server to a problem detail; {@link CodeResult.Invalid#message()} carries the specifics
 * (which position, which digit was expected).
 */
public enum InvalidReason {
  /** Nothing but whitespace, or nothing at all. */
  EMPTY,
  /** Too many or too few digits for the format. */
  WRONG_LENGTH,
  /** A character that is not a digit where only digits belong. */
  NON_DIGIT,
  /** The check digit does not match the other digits: a misread or mistyped code. */
  BAD_CHECK_DIGIT,
  /** The price/weight verifier digit inside a variable-measure barcode does not match. */
  BAD_INNER_CHECK_DIGIT,
  /** The code does not start with a prefix this format accepts. */
  WRONG_PREFIX,
  /** A number that cannot be a phone number of the country it claims. */
  NOT_A_PHONE_NUMBER,
  /** The default country is one the phone rules do not cover. */
  UNSUPPORTED_COUNTRY,
  /** A receipt QR whose id is not a UUID. */
  BAD_RECEIPT_ID,
  /** A value (weight, price, serial) that does not fit its field. */
  OUT_OF_RANGE,
  /** Input that matches no known kind of code. */
  UNRECOGNISED
}
