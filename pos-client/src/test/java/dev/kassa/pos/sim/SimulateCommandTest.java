package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.demo.DemoStaff;
import dev.kassa.pos.sync.FaultPlan;
import dev.kassa.pos.sync.FaultProxy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kassa simulate} run as a command against the real server: what it prints and how it exits. */
class SimulateCommandTest {
  /** One per-terminal line of the report, with the server's count when it could be asked. */
  private static final Pattern LINE = Pattern.compile(
      "(\\S+)\\s+sales\\s+(\\d+)\\s+returns\\s+(\\d+)\\s+redeemed online\\s+\\d+ offline\\s+\\d+"
          + "\\s+unsynced sales\\s+(\\d+)(?:\\s+server holds\\s+(\\d+))?");

  @TempDir Path dir;
  private ServerHarness server;

  private record Run(int exit, String out, String err) {}

  /** A terminal's line: its id, sales, returns, unsynced sales, and the server's count or -1. */
  private record Line(String terminal, long sales, long returns, long unsynced, long serverHolds) {}

  @BeforeEach
  void start() {
    server = ServerHarness.start(dir.resolve("server"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Run simulate(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new SimulateCommand())
        .setDefaultValueProvider(new EnvironmentDefaults(environment))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private String[] args(String serverUrl, String... more) {
    return Stream.concat(Stream.of("--server", serverUrl, "--data-dir", dir.resolve("tills").toString(),
        "--seed", "5"), Stream.of(more)).toArray(String[]::new);
  }

  private static List<Line> lines(String out) {
    List<Line> lines = new ArrayList<>();
    for (String text : out.lines().toList()) {
      Matcher m = LINE.matcher(text.strip());
      if (m.matches()) {
        lines.add(new Line(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4)), m.group(5) == null ? -1 : Long.parseLong(m.group(5))));
      }
    }
    return lines;
  }

  @Test
  void printsPerTerminalTheSalesMadeAndNoneUnsyncedOnceTheServerHoldsThemAll() {
    Run run = simulate(Map.of(), args(server.url(), "--terminals", "2", "--sales", "12",
        "--admin-user", DemoStaff.ADMIN_USER, "--admin-password", DemoStaff.ADMIN_PASSWORD));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("after the final sync:").endsWith("server and terminals agree" + System.lineSeparator());
    List<Line> lines = lines(run.out());
    // two lines a terminal: after selling, then after the final sync with the server's count
    assertThat(lines).hasSize(4);
    List<Line> synced = lines.subList(2, 4);
    Map<String, Long> held = server.admin().salesPerTerminal();
    assertThat(synced).allSatisfy(line -> {
      assertThat(line.sales() + line.returns()).isEqualTo(12);
      assertThat(line.sales()).isPositive();
      assertThat(line.unsynced()).isZero();
      assertThat(line.serverHolds()).isEqualTo(line.sales()).isEqualTo(held.get(line.terminal()));
    });
    assertThat(synced).extracting(Line::terminal).doesNotHaveDuplicates();
  }

  @Test
  void takesTheAdminCredentialsFromTheEnvironment() {
    Run run = simulate(Map.of("KASSA_ADMIN_USER", DemoStaff.ADMIN_USER, "KASSA_ADMIN_PASSWORD", DemoStaff.ADMIN_PASSWORD),
        args(server.url(), "--terminals", "1", "--sales", "3"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(lines(run.out())).last().satisfies(line -> assertThat(line.serverHolds()).isEqualTo(line.sales()));
  }

  @Test
  void withoutCredentialsItSaysWhereToGiveThemAndExitsTwo() {
    Run run = simulate(Map.of(), args(server.url()));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("admin credentials needed").contains("KASSA_ADMIN_PASSWORD");
    assertThat(dir.resolve("tills")).doesNotExist();
  }

  @Test
  void aWrongPasswordIsAClearErrorWithoutThePasswordAndExitsTwo() {
    Run run = simulate(Map.of("KASSA_ADMIN_PASSWORD", "not-the-password-42"),
        args(server.url(), "--admin-user", DemoStaff.ADMIN_USER));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("cannot log in to the admin API: POST /api/v1/auth/login answered 401")
        .doesNotContain("not-the-password-42");
    assertThat(run.out()).isEmpty();
    assertThat(dir.resolve("tills")).doesNotExist();
  }

  @Test
  void terminalsKeepSellingWhileTheServerIsUnreachableAndReportTheirSalesUnsynced() throws Exception {
    try (FaultProxy proxy = new FaultProxy(URI.create(server.url()), FaultPlan.none())) {
      // the cable is pulled at the first push of a sale: after enrolment, before the server got any sale
      proxy.partitionAt("/api/v1/sync/push", "\"kind\":\"sale\"");

      Run run = simulate(Map.of(), args(proxy.uri().toString(), "--terminals", "2", "--sales", "15",
          "--sync-timeout", "PT1S", "--admin-user", DemoStaff.ADMIN_USER, "--admin-password", DemoStaff.ADMIN_PASSWORD));

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(run.out()).contains("final sync did not complete within PT1S:")
          .contains("cannot ask the server what it holds");
      List<Line> lines = lines(run.out());
      assertThat(lines).hasSize(4).allSatisfy(line -> {
        assertThat(line.sales() + line.returns()).isEqualTo(15);
        assertThat(line.sales()).isPositive();
        assertThat(line.unsynced()).isEqualTo(line.sales());
        assertThat(line.serverHolds()).isEqualTo(-1);
      });
      assertThat(server.admin().salesPerTerminal()).doesNotContainKeys(
          lines.stream().map(Line::terminal).toArray(String[]::new));
    }
  }
}
