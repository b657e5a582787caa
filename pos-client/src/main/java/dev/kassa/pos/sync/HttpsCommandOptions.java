package dev.kassa.pos.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The HTTPS options every command that talks to the server takes (the cashier app, the simulator),
 * as a picocli mixin so that they are spelled and explained the same everywhere.
 */
public final class HttpsCommandOptions {
  @Option(names = "--ca-cert", description = "PEM file of the CA that signed the server's certificate"
      + " (default: the system's trust store).")
  Path caCertificates;

  @Option(names = "--truststore", description = "Java truststore (PKCS12 or JKS) holding the CA that signed the"
      + " server's certificate; may be given with --ca-cert.")
  Path truststore;

  @Option(names = "--truststore-password", defaultValue = "${env:KASSA_TRUSTSTORE_PASSWORD}",
      description = "Password of the truststore (or env KASSA_TRUSTSTORE_PASSWORD, which keeps it out of the"
          + " process list).")
  String truststorePassword;

  @Option(names = "--pin", description = "Public-key pin of the server's certificate, sha256/BASE64 (repeatable).")
  List<String> pins = new ArrayList<>();

  /** Throws IllegalArgumentException for a malformed pin. */
  public HttpsOptions toOptions() {
    return new HttpsOptions(caCertificates, truststore, truststorePassword, pins);
  }
}
