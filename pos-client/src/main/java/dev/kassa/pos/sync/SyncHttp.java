package dev.kassa.pos.sync;

import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds the terminal's HTTP client: short timeouts, our own retries, optional own CA (PEM or truststore) and pins. */
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
    if (https.customTrust()) {
      X509TrustManager trust = TrustStores.trustManager(https);
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
}
