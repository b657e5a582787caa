package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.demo.DemoStaff;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.CertificatePinner;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kassa simulate} against the real server behind an HTTPS front whose certificate the
 * retailer's own CA signed: the admin client and the terminals trust it only through the options.
 */
class SimulateOverHttpsTest {
  private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Kassa Test CA")
      .build();
  private final HeldCertificate serverCert = new HeldCertificate.Builder()
      .signedBy(ca).addSubjectAlternativeName("localhost").commonName("localhost").build();
  private final MockWebServer front = new MockWebServer();
  @TempDir Path dir;
  private ServerHarness server;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws IOException {
    server = ServerHarness.start(dir.resolve("server"));
    front.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert, ca.certificate()).build()
        .sslSocketFactory(), false);
    front.setDispatcher(new TlsFront(server.url()));
    front.start();
  }

  @AfterEach
  void stop() throws IOException {
    front.shutdown();
    server.close();
  }

  private Run simulate(Map<String, String> environment, String... trust) {
    String[] args = Stream.concat(Stream.of("--server", front.url("/").toString(), "--data-dir",
        dir.resolve("tills").toString(), "--terminals", "1", "--sales", "4", "--admin-user", DemoStaff.ADMIN_USER,
        "--admin-password", DemoStaff.ADMIN_PASSWORD), Stream.of(trust)).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new SimulateCommand()).setDefaultValueProvider(new EnvironmentDefaults(environment))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path truststore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("kassa-ca", ca.certificate());
    Path file = dir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "store-secret".toCharArray());
    }
    return file;
  }

  @Test
  void sellsAndSyncsOverHttpsWithTheCaFromATruststoreWhosePasswordIsInTheEnvironment() throws Exception {
    Run run = simulate(Map.of("KASSA_TRUSTSTORE_PASSWORD", "store-secret"), "--truststore", truststore().toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("server and terminals agree");
    assertThat(front.getRequestCount()).as("requests through the HTTPS front").isGreaterThan(3);
  }

  @Test
  void sellsAndSyncsOverHttpsWithThePemCaAndThePinnedKey() throws IOException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());

    Run run = simulate(Map.of(), "--ca-cert", pem.toString(), "--pin", CertificatePinner.pin(serverCert.certificate()));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("server and terminals agree");
  }

  @Test
  void withoutTheRetailersCaTheServerIsNotTrustedAndNothingIsSent() {
    Run run = simulate(Map.of());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("cannot log in to the admin API: POST /api/v1/auth/login failed");
    assertThat(front.getRequestCount()).isZero();
  }

  @Test
  void aPinOfAnotherKeyIsRefusedEvenWithTheRightCa() throws IOException {
    Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    String otherPin = CertificatePinner.pin(new HeldCertificate.Builder().build().certificate());

    Run run = simulate(Map.of(), "--ca-cert", pem.toString(), "--pin", otherPin);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("cannot log in to the admin API").contains("pinning");
    assertThat(front.getRequestCount()).isZero();
  }
}
