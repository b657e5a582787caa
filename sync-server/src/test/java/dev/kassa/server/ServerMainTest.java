package dev.kassa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.auth.PasswordHasher;
import dev.kassa.server.auth.Role;
import dev.kassa.server.auth.store.AuthStore;
import dev.kassa.server.loyalty.OverdraftPolicy;
import dev.kassa.server.store.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
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
  void environmentVariablesSetTheOptionsTheCommandLineLeavesOut() {
    ServerMain main = new ServerMain();
    ServerMain.commandLine(main, Map.of("KASSA_PORT", "9191", "KASSA_DB", "jdbc:postgresql://db/env",
        "KASSA_DATA_DIR", "/var/lib/kassa", "KASSA_METRICS_TOKEN", "scrape-me", "KASSA_MAX_CONCURRENT_REQUESTS", "7",
        "KASSA_OVERDRAFT_POLICY", "WRITE_OFF")).parseArgs();
    ServerConfig config = main.config();

    assertThat(config.port()).isEqualTo(9191);
    assertThat(config.effectiveDatabaseUrl()).isEqualTo("jdbc:postgresql://db/env");
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/kassa"));
    assertThat(config.metricsToken()).isEqualTo("scrape-me");
    assertThat(config.maxConcurrentRequests()).isEqualTo(7);
    assertThat(config.overdraftPolicy()).isEqualTo(OverdraftPolicy.WRITE_OFF);
  }

  @Test
  void theCommandLineWinsOverTheEnvironment() {
    ServerMain main = new ServerMain();
    ServerMain.commandLine(main, Map.of("KASSA_PORT", "9191", "KASSA_DATA_DIR", "/var/lib/kassa",
        "KASSA_OVERDRAFT_POLICY", "WRITE_OFF")).parseArgs("--port", "7070", "--data-dir", "/srv/kassa",
        "--overdraft-policy", "NET");
    ServerConfig config = main.config();

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/kassa"));
    assertThat(config.overdraftPolicy()).isEqualTo(OverdraftPolicy.NET);
  }

  @Test
  void withNeitherOptionsNorEnvironmentTheDefaultsHold() {
    ServerMain main = new ServerMain();
    ServerMain.commandLine(main, Map.of()).parseArgs();
    ServerConfig config = main.config();

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("data/server"));
    assertThat(config.databaseUrl()).isNull();
    assertThat(config.metricsToken()).isNull();
    assertThat(config.maxConcurrentRequests()).isEqualTo(ServerConfig.DEFAULT_MAX_CONCURRENT_REQUESTS);
    assertThat(config.overdraftPolicy()).isEqualTo(OverdraftPolicy.NET);
  }

  @Test
  void createAdminTakesTheDatabaseFromTheEnvironmentToo(@TempDir Path dir) {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("a-long-admin-password\n".getBytes(StandardCharsets.UTF_8)));
      int exit = ServerMain.commandLine(new ServerMain(), Map.of("KASSA_DATA_DIR", dir.toString()))
          .execute("create-admin", "--username", "boss");
      assertThat(exit).isZero();
    } finally {
      System.setIn(stdin);
    }
    try (Database db = Database.open(Database.defaultUrl(dir))) {
      assertThat(new AuthStore(db).credentials("boss")).isPresent();
    }
  }

  @Test
  void anUnknownOverdraftPolicyIsRefused() {
    int exit = ServerMain.commandLine(new ServerMain(), Map.of("KASSA_OVERDRAFT_POLICY", "FORGIVE"))
        .execute("--help");
    assertThat(exit).isNotZero();
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
