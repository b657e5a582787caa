package dev.kassa.pos.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds the terminal's HTTP client: short timeouts, our own retries, optional custom CA and pins. */
public final class SyncHttp {
  private SyncHttp() {}

  public static OkHttpClient client(HttpUrl server, HttpsOptions https) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        // the agent retries with backoff and idempotency keys; a silent transport retry would hide
        // faults from it and from the tests
        .retryOnConnectionFailure(false);
    if (https.caCertificates() != null) {
      X509TrustManager trust = trustManagerFor(https);
      try {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trust}, null);
        builder.sslSocketFactory(tls.getSocketFactory(), trust);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot set up TLS", e);
      }
    }
    if (!https.pins().isEmpty()) {
      CertificatePinner.Builder pinner = new CertificatePinner.Builder();
      https.pins().forEach(pin -> pinner.add(server.host(), pin));
      builder.certificatePinner(pinner.build());
    }
    return builder.build();
  }

  private static X509TrustManager trustManagerFor(HttpsOptions https) {
    try (InputStream pem = Files.newInputStream(https.caCertificates())) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(pem);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + https.caCertificates());
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("kassa-ca-" + i++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509 trust manager");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read CA certificates from " + https.caCertificates()
          + ": " + e.getMessage(), e);
    }
  }
}
