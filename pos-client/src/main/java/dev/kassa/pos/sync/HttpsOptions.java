package dev.kassa.pos.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * How the terminal trusts the server. {@code caCertificates}: a PEM file of the CA(s) that signed
 * the server's certificate, for a chain's own CA; when null the system's trust store is used.
 * {@code pins}: optional public-key pins ("sha256/BASE64") for the server's host; when set, a
 * certificate with another key is refused even if a trusted CA signed it.
 */
public record HttpsOptions(Path caCertificates, List<String> pins) {
  public HttpsOptions {
    pins = pins == null ? List.of() : List.copyOf(pins);
    for (String pin : pins) {
      if (!pin.startsWith("sha256/")) {
        throw new IllegalArgumentException("pin must start with sha256/: " + pin);
      }
    }
  }

  public static HttpsOptions systemDefaults() {
    return new HttpsOptions(null, List.of());
  }
}
