package dev.kassa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.Role;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.store.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerMainTest {

  @Test
  void optionsBecomeTheConfiguration() {
    ServerMain main = new ServerMain();
    new CommandLine(main).parseArgs("--port", "9999", "--db", "jdbc:postgresql://db/kassa", "--data-dir", "/srv/kassa",
        "--demo");
    ServerConfig config = main.config();

    assertThat(config.port()).isEqualTo(9999);
    assertThat(config.effectiveDatabaseUrl()).isEqualTo("jdbc:postgresql://db/kassa");
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/kassa"));
    assertThat(config.demo()).isTrue();
    assertThat(config.passwordIterations()).isEqualTo(PasswordHasher.DEFAULT_ITERATIONS);
  }

  @Test
  void withoutADatabaseUrlTheServerUsesSqliteInTheDataDirectory() {
    ServerMain main = new ServerMain();
    new CommandLine(main).parseArgs("--data-dir", "/srv/kassa");
    assertThat(main.config().effectiveDatabaseUrl()).isEqualTo("jdbc:sqlite:/srv/kassa/kassa.db");
  }

  @Test
  void createAdminReadsThePasswordFromStandardInputAndStoresOnlyAHash(@TempDir Path dir) {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("a-long-admin-password\n".getBytes(StandardCharsets.UTF_8)));
      int exit = new CommandLine(new ServerMain()).execute("create-admin", "--username", "boss", "--data-dir",
          dir.toString());
      assertThat(exit).isZero();
    } finally {
      System.setIn(stdin);
    }
    try (Database db = Database.open(Database.defaultUrl(dir))) {
      AuthStore.Credentials boss = new AuthStore(db).credentials("boss").orElseThrow();
      assertThat(boss.role()).isEqualTo(Role.ADMIN);
      assertThat(boss.passwordHash()).doesNotContain("a-long-admin-password");
      assertThat(new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).matches("a-long-admin-password",
          boss.passwordHash())).isTrue();
    }
  }
}
