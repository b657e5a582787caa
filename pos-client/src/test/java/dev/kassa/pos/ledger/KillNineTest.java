package dev.kassa.pos.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a selling till at random moments, {@value #DEFAULT_KILLS} times by default
 * ({@code -Dkassa.killTest.kills=10000} for the long run). After every kill the ledger file must
 * pass SQLite's integrity check; every receipt the child printed (printed only after the commit
 * returned) must be there, whole; no sale may be partial; receipt numbers have no gaps; and the
 * journal verifies.
 *
 * <p>The child is a small main class on a short class path, started with JVM flags that favour
 * start-up time, because starting the JVM is most of each round. The kill lands after a random
 * number of printed receipts plus a random fraction of a sale's duration.
 */
class KillNineTest {
  static final int DEFAULT_KILLS = 200;
  private static final String[] CHILD_LIBRARIES = {"jackson-", "sqlite-jdbc", "flyway-", "slf4j-api"};

  @TempDir Path dir;
  private final SplittableRandom random = new SplittableRandom(Long.getLong("kassa.killTest.seed", System.nanoTime()));
  private final Map<Long, UUID> promised = new TreeMap<>();
  private Path nativeLibrary;

  @Test
  void everyPromisedSaleSurvivesKillNineAndNothingIsHalfWritten() throws Exception {
    int kills = Integer.getInteger("kassa.killTest.kills", DEFAULT_KILLS);
    int checkEvery = Integer.getInteger("kassa.killTest.verifyEvery", 1);
    List<String> classPath = childClassPath();
    Path nativeLibrary = extractSqliteLibrary();
    // one clean run that records the classes it loads into a CDS archive: later starts map them
    // instead of loading them, which halves the start-up that dominates every round
    Path archive = dir.resolve("till.jsa");
    this.nativeLibrary = nativeLibrary;
    Process first = start(classPath, "-XX:ArchiveClassesAtExit=" + archive, "--once");
    List<String> firstLines = new ArrayList<>();
    readLines(first, new LinkedBlockingQueue<>(), firstLines);
    assertThat(first.waitFor()).as("first run: %s", childErrors()).isZero();
    record(firstLines);
    String cds = Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto";
    for (int round = 1; round <= kills; round++) {
      runAndKill(classPath, cds);
      if (round % checkEvery == 0 || round == kills) {
        checkLedger(round);
      }
    }
    assertThat(promised).as("the children made sales").hasSizeGreaterThan(kills / 2);
  }

  private Process start(List<String> classPath, String jvmOption, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        jvmOption, "-Xlog:disable", "-Xlog:all=error:stderr", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m",
        "-Dorg.sqlite.lib.path=" + nativeLibrary.getParent(), "-Dorg.sqlite.lib.name=" + nativeLibrary.getFileName(),
        "-cp", String.join(File.pathSeparator, classPath), KillTestTill.class.getName(),
        dir.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-stderr.log").toFile()))
        .start();
  }

  private void runAndKill(List<String> classPath, String cds) throws IOException, InterruptedException {
    Process child = start(classPath, cds);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    List<String> all = new ArrayList<>();
    Thread reader = new Thread(() -> readLines(child, queue, all), "kill-test-reader");
    reader.start();
    String ready = queue.poll(60, TimeUnit.SECONDS);
    assertThat(ready).as("child started: %s", childErrors()).isNotNull().startsWith("ready ");
    long lastPromised = promised.isEmpty() ? 0 : ((TreeMap<Long, UUID>) promised).lastKey();
    assertThat(Long.parseLong(ready.substring(6))).as("receipt counter after restart").isGreaterThanOrEqualTo(lastPromised);
    int receiptsBeforeKill = random.nextInt(4);
    for (int i = 0; i < receiptsBeforeKill; i++) {
      assertThat(queue.poll(60, TimeUnit.SECONDS)).as("child keeps selling").isNotNull();
    }
    // a random point inside the next sale (a sale takes a few milliseconds)
    LockSupport.parkNanos(random.nextLong(3_000_000));
    child.destroyForcibly(); // SIGKILL on Unix
    child.waitFor();
    reader.join();
    record(all);
  }

  /**
   * SQLite's native library, extracted once: otherwise every child copies it to a temporary file
   * at start, and a killed child never deletes its copy.
   */
  private Path extractSqliteLibrary() throws IOException {
    String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
    String name = System.mapLibraryName("sqlitejdbc");
    if (name.endsWith(".dylib")) {
      name = name.replace(".dylib", ".jnilib");
    }
    Path target = Files.createDirectories(dir.resolve("native")).resolve(name);
    try (var in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + name)) {
      assertThat(in).as("native library %s/%s in sqlite-jdbc", folder, name).isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  private String childErrors() {
    try {
      String log = Files.readString(dir.resolve("child-stderr.log"));
      return log.substring(Math.max(0, log.length() - 3000));
    } catch (IOException e) {
      return "no child-stderr.log";
    }
  }

  private void record(List<String> lines) {
    for (String line : lines) {
      if (line.matches("\\d+ [0-9a-f-]{36}")) {
        String[] parts = line.split(" ");
        promised.put(Long.parseLong(parts[0]), UUID.fromString(parts[1]));
      }
    }
  }

  /** Reads the child's lines into {@code queue} (to wait on) and {@code all} (to record); returns at end of stream. */
  private static void readLines(Process child, BlockingQueue<String> queue, List<String> all) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (all) {
          all.add(line);
        }
        queue.add(line);
      }
    } catch (IOException e) {
      // the pipe breaks when the child dies mid-line; what was read is what was promised
    }
  }

  private void checkLedger(int round) throws SQLException {
    try (TerminalLedger ledger = TerminalLedger.open(Sales.config(dir))) {
      assertThat(ledger.integrityCheck()).as("round %d integrity", round).containsExactly("ok");
      VerifyReport report = ledger.verify(); // also: receipt numbers 1..last without a gap
      assertThat(report.ok()).as("round %d: %s", round, report.summary()).isTrue();
      assertThat(ledger.basket().lines()).allSatisfy(line -> assertThat(line.lineNo()).isPositive());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
        Statement st = c.createStatement()) {
      Map<Long, UUID> stored = new TreeMap<>();
      try (ResultSet rs = st.executeQuery("SELECT receipt_no, id FROM sales")) {
        while (rs.next()) {
          stored.put(rs.getLong(1), UUID.fromString(rs.getString(2)));
        }
      }
      assertThat(stored).as("round %d: every promised receipt is stored", round).containsAllEntriesOf(promised);
      assertThat(partialSales(st)).as("round %d: sales missing a part", round).isEmpty();
    }
  }

  /** Sales without all their lines, payments, points entries, journal link or outbox event. */
  private static List<String> partialSales(Statement st) throws SQLException {
    List<String> partial = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT receipt_no FROM sales s WHERE"
        + " line_count <> (SELECT count(*) FROM sale_lines WHERE sale_id = s.id)"
        + " OR payment_count <> (SELECT count(*) FROM sale_payments WHERE sale_id = s.id)"
        + " OR (EXISTS (SELECT 1 FROM sale_loyalty WHERE sale_id = s.id)"
        + "     AND NOT EXISTS (SELECT 1 FROM loyalty_entries WHERE sale_id = s.id))"
        + " OR NOT EXISTS (SELECT 1 FROM journal WHERE doc_id = s.id)"
        + " OR s.id NOT IN (SELECT json_extract(json, '$.payload.id') FROM outbox WHERE kind = 'Sale')")) {
      while (rs.next()) {
        partial.add("receipt " + rs.getLong(1));
      }
    }
    return partial;
  }

  /**
   * The libraries the till needs, plus our own classes packed as jars (a CDS archive accepts only
   * jars on the class path).
   */
  private List<String> childClassPath() throws IOException {
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      for (String wanted : CHILD_LIBRARIES) {
        if (entry.endsWith(".jar") && entry.contains(wanted)) {
          classPath.add(entry);
          break;
        }
      }
    }
    classPath.add(jar(classesOf(dev.kassa.model.money.Money.class), "model.jar"));
    classPath.add(jar(classesOf(TerminalLedger.class), "ledger.jar"));
    classPath.add(jar(classesOf(KillTestTill.class), "till.jar"));
    return classPath;
  }

  private static Path classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private String jar(Path classes, String name) throws IOException {
    if (Files.isRegularFile(classes)) {
      return classes.toString();
    }
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> !f.equals(classes))::iterator) {
        String entry = classes.relativize(file).toString().replace(File.separatorChar, '/');
        // directory entries too: Flyway finds classpath:db/terminal inside a jar only through them
        out.putNextEntry(new JarEntry(Files.isDirectory(file) ? entry + "/" : entry));
        if (Files.isRegularFile(file)) {
          Files.copy(file, out);
        }
        out.closeEntry();
      }
    }
    return jar.toString();
  }
}
