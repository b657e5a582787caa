package dev.kassa.pos.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * How the terminal trusts the server. {@code caCertificates}: a PEM file of the CA(s) that signed
 * the server's certificate, for a chain's own CA; {@code truststore}: the same as a Java truststore
 * (PKCS12 or JKS) opened with {@code truststorePassword}; the certificates of both are trusted, and
 * when neither is given the system's trust store is used. {@code pins}: optional public-key pins
 * ("sha256/BASE64") for the server's host; when set, a certificate with another key is refused even
 * if a trusted CA signed it.
 */
public record HttpsOptions(Path caCertificates, Path truststore, String truststorePassword, List<String> pins) {
  public HttpsOptions {
    pins = pins == null ? List.of() : List.copyOf(pins);
    for (String pin : pins) {
      if (!pin.startsWith("sha256/")) {
        throw new IllegalArgumentException("pin must start with sha256/: " + pin);
      }
    }
  }

  public HttpsOptions(Path caCertificates, List<String> pins) {
    this(caCertificates, null, null, pins);
  }

  public static HttpsOptions systemDefaults() {
    return new HttpsOptions(null, List.of());
  }

  /** Whether the server is trusted by our own CAs rather than the system's. */
  public boolean customTrust() {
    return caCertificates != null || truststore != null;
  }

  /** Never shows the truststore password (options end up in logs and error messages). */
  @Override
  public String toString() {
    return "HttpsOptions[caCertificates=" + caCertificates + ", truststore=" + truststore + ", truststorePassword="
        + (truststorePassword == null ? "none" : "****") + ", pins=" + pins + "]";
  }
}
