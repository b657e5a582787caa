package dev.kassa.pos.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.model.demo.DemoData;
import dev.kassa.model.demo.DemoTerminals;
import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncHttp;
import dev.kassa.pos.sync.TokenFile;
import dev.kassa.server.KassaServer;
import dev.kassa.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal's first start against the real demo server: what it needs, what it refuses, what it writes. */
class EnrolmentTest {
  private static final DemoTerminals.Terminal TILL_1 = DemoData.standard().terminals().terminals().get(0);
  private static final DemoTerminals.Terminal TILL_2 = DemoData.standard().terminals().terminals().get(1);

  @TempDir Path dir;
  private KassaServer server;
  private Path dataDir;
  private SyncClient client;
  private TokenFile token;

  @BeforeEach
  void start() {
    server = KassaServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withDemo(true)
        .withPasswordIterations(1_000));
    dataDir = dir.resolve("till");
    token = new TokenFile(dataDir);
    HttpUrl base = HttpUrl.get(url());
    client = new SyncClient(SyncHttp.client(base, HttpsOptions.systemDefaults()), base, token::read);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.port();
  }

  private TerminalConfig config(String code) {
    return TerminalConfig.of(dataDir, url(), code);
  }

  @Test
  void aFirstStartWithoutACodeSaysToAskTheOfficeForOneAndWritesNothing() {
    for (String missing : new String[] {null, "  "}) {
      assertThatThrownBy(() -> Enrolment.ensure(config(missing), client, token))
          .isInstanceOf(NotEnrolledException.class)
          .hasMessageContaining("not enrolled").hasMessageContaining("enrollment code");
    }
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void aCodeTheServerDoesNotKnowIsRefusedWithTheServersReasonAndWritesNothing() {
    assertThatThrownBy(() -> Enrolment.ensure(config("NO-SUCH-CODE"), client, token))
        .isInstanceOf(NotEnrolledException.class)
        .hasMessageStartingWith("Enrolment at " + url() + " failed: ")
        .hasCauseInstanceOf(dev.kassa.pos.sync.SyncFailure.class);
    assertThat(token.read()).isNull();
    assertThat(TerminalProfile.read(dataDir)).isEmpty();
  }

  @Test
  void aGoodCodeStoresTheIdentityAndAnOwnerOnlyToken() throws IOException {
    TerminalProfile profile = Enrolment.ensure(config(" " + TILL_1.enrollmentCode() + " "), client, token);

    assertThat(profile.terminalId()).isEqualTo(TILL_1.id());
    assertThat(TerminalProfile.read(dataDir)).contains(profile);
    assertThat(new TokenFile(dataDir).read()).isNotBlank();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token.path()))).isEqualTo("rw-------");
  }

  @Test
  void anEnrolledTerminalStartsWithoutCodeOrServer() {
    TerminalProfile profile = Enrolment.ensure(config(TILL_1.enrollmentCode()), client, token);
    server.close();

    assertThat(Enrolment.ensure(config(null), client, new TokenFile(dataDir))).isEqualTo(profile);
  }

  @Test
  void reEnrolmentWithACodeOfAnotherTerminalIsRefusedAndKeepsTheOldIdentity() {
    TerminalProfile till1 = Enrolment.ensure(config(TILL_1.enrollmentCode()), client, token);
    String oldToken = token.read();

    assertThatThrownBy(() -> Enrolment.enrol(config(null), client, token, TILL_2.enrollmentCode(), till1))
        .isInstanceOf(NotEnrolledException.class)
        .hasMessageContaining("code is for terminal " + TILL_2.id())
        .hasMessageContaining("not for this terminal " + till1.terminalId());
    assertThat(new TokenFile(dataDir).read()).isEqualTo(oldToken);
    assertThat(TerminalProfile.read(dataDir)).contains(till1);
  }
}
