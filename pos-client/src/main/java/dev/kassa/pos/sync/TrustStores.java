package dev.kassa.pos.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager for the retailer's own CA(s), from a PEM file, a Java truststore, or both.
 * Errors name the file and what was wrong with it, never the password.
 */
final class TrustStores {
  private TrustStores() {}

  static X509TrustManager trustManager(HttpsOptions https) {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      if (https.caCertificates() != null) {
        int i = 0;
        for (Certificate certificate : pem(https.caCertificates())) {
          trusted.setCertificateEntry("kassa-ca-" + i++, certificate);
        }
      }
      if (https.truststore() != null) {
        addTrustedEntries(https.truststore(), https.truststorePassword(), trusted);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509 trust manager");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up the trust store: " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> pem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + file);
      }
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read CA certificates from " + file + ": " + e.getMessage(), e);
    }
  }

  /** Copies the trusted certificates of a PKCS12 or JKS file (the type is told from its content). */
  private static void addTrustedEntries(Path file, String password, KeyStore into) throws GeneralSecurityException {
    KeyStore store;
    try {
      store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      // a wrong password shows as an IOException whose cause is an UnrecoverableKeyException
      throw new IllegalArgumentException("cannot open the truststore " + file + " (wrong password, or not a PKCS12"
          + " or JKS file?): " + e.getMessage(), e);
    }
    int added = 0;
    for (String alias : Collections.list(store.aliases())) {
      if (store.isCertificateEntry(alias)) {
        into.setCertificateEntry("truststore-" + alias, store.getCertificate(alias));
        added++;
      }
    }
    if (added == 0) {
      throw new IllegalArgumentException("no trusted certificate in the truststore " + file);
    }
  }
}
