package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** What a scanned or typed string turned out to be; see {@link ScanClassifier}. */
public sealed interface Scan {

  /** A packaged product's EAN-13, EAN-8 or UPC-A, to look up in the catalog. */
  record ProductBarcode(Gtin gtin) implements Scan {
    public ProductBarcode {
      requireNonNull(gtin, "gtin == null");
    }
  }

  /** A scale or service-counter label: the item's PLU code plus its weight or price. */
  record WeighedItem(VariableMeasure measure) implements Scan {
    public WeighedItem {
      requireNonNull(measure, "measure == null");
    }
  }

  /** A loyalty card with a valid check digit. */
  record LoyaltyCard(String number) implements Scan {
    public LoyaltyCard {
      requireNonNull(number, "number == null");
    }
  }

  /** The QR printed on a Kassa receipt ({@code KASSA-R:<uuid>}), scanned to start a return. */
  record ReceiptQr(UUID saleId) implements Scan {
    public ReceiptQr {
      requireNonNull(saleId, "saleId == null");
    }
  }

  /** A phone number typed to find a member. */
  record Phone(PhoneNumber number) implements Scan {
    public Phone {
      requireNonNull(number, "number == null");
    }
  }

  /** Nothing usable; {@code reason} and {@code message} say why (a bad check digit, a wrong length). */
  record Unknown(InvalidReason reason, String message) implements Scan {
    public Unknown {
      requireNonNull(reason, "reason == null");
      requireNonNull(message, "message == null");
    }
  }
}
