package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLException;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPS with the retailer's own CA, and certificate pinning, against a real TLS server. */
class SyncHttpTest {
  private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Kassa Test CA").build();
  private final HeldCertificate serverCert = new HeldCertificate.Builder()
      .signedBy(ca).addSubjectAlternativeName("localhost").commonName("localhost").build();
  private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert, ca.certificate()).build()
        .sslSocketFactory(), false);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Path caFile(HeldCertificate authority) throws IOException {
    Path pem = dir.resolve("ca.pem");
    Files.writeString(pem, authority.certificatePem());
    return pem;
  }

  private int get(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/health")).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void trustsAServerSignedByTheConfiguredCa() throws IOException {
    server.enqueue(new MockResponse());
    OkHttpClient client = SyncHttp.client(server.url("/"), new HttpsOptions(caFile(ca), List.of()));
    assertThat(get(client)).isEqualTo(200);
  }

  @Test
  void refusesAServerSignedByAnotherCa() throws IOException {
    HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).build();
    OkHttpClient client = SyncHttp.client(server.url("/"), new HttpsOptions(caFile(otherCa), List.of()));
    assertThatThrownBy(() -> get(client)).isInstanceOf(SSLException.class);
  }

  @Test
  void acceptsThePinnedKeyAndRefusesAnother() throws IOException {
    server.enqueue(new MockResponse());
    String goodPin = CertificatePinner.pin(serverCert.certificate());
    OkHttpClient pinned = SyncHttp.client(server.url("/"), new HttpsOptions(caFile(ca), List.of(goodPin)));
    assertThat(get(pinned)).isEqualTo(200);

    String otherPin = CertificatePinner.pin(new HeldCertificate.Builder().build().certificate());
    OkHttpClient wrong = SyncHttp.client(server.url("/"), new HttpsOptions(caFile(ca), List.of(otherPin)));
    assertThatThrownBy(() -> get(wrong)).isInstanceOf(javax.net.ssl.SSLPeerUnverifiedException.class);
  }

  /** A truststore file of {@code type} (PKCS12 or JKS) holding {@code authority} as a trusted certificate. */
  static Path truststore(Path dir, HeldCertificate authority, String type, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(type);
    store.load(null, null);
    store.setCertificateEntry("kassa-ca", authority.certificate());
    Path file = dir.resolve("truststore." + type.toLowerCase(java.util.Locale.ROOT));
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"PKCS12", "JKS"})
  void trustsAServerSignedByTheCaInATruststore(String type) throws Exception {
    server.enqueue(new MockResponse());
    Path store = truststore(dir, ca, type, "store-secret");
    OkHttpClient client = SyncHttp.client(server.url("/"), new HttpsOptions(null, store, "store-secret", List.of()));
    assertThat(get(client)).isEqualTo(200);
  }

  @Test
  void refusesAServerSignedByACaThatIsNotInTheTruststore() throws Exception {
    Path store = truststore(dir, new HeldCertificate.Builder().certificateAuthority(0).build(), "PKCS12", "pw");
    OkHttpClient client = SyncHttp.client(server.url("/"), new HttpsOptions(null, store, "pw", List.of()));
    assertThatThrownBy(() -> get(client)).isInstanceOf(SSLException.class);
  }

  @Test
  void aTruststoreWithAWrongPasswordIsAClearErrorThatDoesNotShowThePassword() throws Exception {
    Path store = truststore(dir, ca, "PKCS12", "store-secret");
    HttpsOptions wrong = new HttpsOptions(null, store, "guessed-secret", List.of());
    assertThatThrownBy(() -> SyncHttp.client(server.url("/"), wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot open the truststore " + store).hasMessageContaining("password")
        .hasMessageNotContaining("guessed-secret").hasMessageNotContaining("store-secret");
    assertThat(wrong.toString()).doesNotContain("guessed-secret");
  }

  @Test
  void aMissingOrEmptyCaFileIsAClearError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> SyncHttp.client(server.url("/"), new HttpsOptions(empty, List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
  }
}
