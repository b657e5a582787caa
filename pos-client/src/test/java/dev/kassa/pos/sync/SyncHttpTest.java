package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void aMissingOrEmptyCaFileIsAClearError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> SyncHttp.client(server.url("/"), new HttpsOptions(empty, List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
  }
}
