package dev.kassa.server.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Runs zonky's embedded PostgreSQL binaries when the tests run as root (as they do in our
 * containers): {@code initdb} and {@code postgres} refuse to run as root, by design, and zonky's own
 * remedy ({@code unshare -U}) fails here because files cannot be created under an unmapped uid.
 *
 * <p>How: the real binaries (from zonky's {@link DefaultPostgresBinaryResolver}, the same ones it
 * would use) are unpacked once into {@code /tmp/embedded-pg/pg-14.22}, owned by {@code nobody}.
 * {@code initdb} and {@code pg_ctl} are run through
 * {@code setpriv --reuid=nobody --regid=nogroup --clear-groups}, on a data directory that
 * {@code nobody} owns; {@code pg_ctl} starts the {@code postgres} next to itself, already as
 * {@code nobody}. A shutdown hook stops the cluster and deletes its data. When the tests do not
 * run as root, {@link TestPostgres} uses zonky's {@code EmbeddedPostgres} directly instead.
 */
final class RootSafePostgres {
  static final Path CACHE = Paths.get("/tmp/embedded-pg");

  private RootSafePostgres() {}

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Starts a cluster on a free port; answers the JDBC URL of its {@code postgres} database. */
  static synchronized String start() {
    try {
      Path real = unpackRealBinaries();
      Path data = newDataDirectory();
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      asNobody(real, "initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--no-sync");
      asNobody(real, "pg_ctl", "-D", data.toString(), "-l", data.resolve("postgres.log").toString(), "-w", "-t", "60",
          "-o", "-p " + port + " -F -c listen_addresses=localhost -c unix_socket_directories=" + data
              + " -c max_connections=200 -c synchronous_commit=off" + preload(), "start");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(real, data), "embedded-pg-stop"));
      return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * With {@code -Dkassa.pg.statements=true}, loads pg_stat_statements (for benchmarks that say where
   * time goes); {@code -Dkassa.pg.options="-c name=value ..."} adds server settings for an experiment.
   */
  private static String preload() {
    StringBuilder options = new StringBuilder(
        Boolean.getBoolean("kassa.pg.statements") ? " -c shared_preload_libraries=pg_stat_statements" : "");
    TestPostgres.extraSettings().forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
    return options.toString();
  }

  /**
   * Stops the cluster and deletes its data from a detached shell: the test JVM does not wait for
   * it (a waiting shutdown hook made surefire kill the fork after 30 s under load).
   */
  private static void stop(Path real, Path data) {
    String script = "setpriv --reuid=nobody --regid=nogroup --clear-groups " + real.resolve("bin").resolve("pg_ctl")
        + " -D " + data + " -m immediate -w stop; rm -rf " + data;
    try {
      new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      System.err.println("embedded PostgreSQL: cannot stop " + data + ": " + e.getMessage());
    }
  }

  private static void asNobody(Path real, String binary, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
        real.resolve("bin").resolve(binary).toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("embedded-pg-" + binary, ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(binary + " failed: " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** A fresh data directory {@code nobody} owns (PostgreSQL insists on 0700 and its own uid). */
  static Path newDataDirectory() throws IOException {
    Files.createDirectories(CACHE);
    Path dir = Files.createTempDirectory(CACHE, "data-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    chownToNobody(dir, false);
    return dir;
  }

  /**
   * The real binaries, unpacked once per machine. Several test JVMs (parallel builds) may race
   * here: each unpacks into its own temporary directory and renames it into place atomically; the
   * loser throws its copy away. Nothing else under the cache is touched recursively, because
   * another JVM may be creating or deleting its data directory there at the same moment.
   */
  private static Path unpackRealBinaries() throws IOException {
    Files.createDirectories(CACHE);
    CACHE.toFile().setReadable(true, false);
    CACHE.toFile().setExecutable(true, false);
    Path real = CACHE.resolve("pg-14.22");
    if (Files.exists(real.resolve(".ready"))) {
      return real;
    }
    Path unpacking = Files.createTempDirectory(CACHE, "pg-unpacking-");
    unpacking.toFile().setReadable(true, false);
    unpacking.toFile().setExecutable(true, false);
    try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture());
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = unpacking.resolve(entry.getName()).normalize();
        if (!target.startsWith(unpacking)) {
          throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Paths.get(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          try (OutputStream out = Files.newOutputStream(target)) {
            tar.transferTo(out);
          }
          if ((entry.getMode() & 0100) != 0) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
    chownToNobody(unpacking, true);
    Files.createFile(unpacking.resolve(".ready"));
    try {
      Files.move(unpacking, real, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException lostTheRace) {
      if (!Files.exists(real.resolve(".ready"))) {
        throw lostTheRace;
      }
      delete(unpacking);
    }
    return real;
  }

  private static void chownToNobody(Path path, boolean recursive) throws IOException {
    List<String> command = recursive ? List.of("chown", "-R", "nobody:nogroup", path.toString())
        : List.of("chown", "nobody:nogroup", path.toString());
    Process chown = new ProcessBuilder(command).inheritIO().start();
    try {
      if (chown.waitFor() != 0) {
        throw new IOException("chown nobody failed for " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String system() {
    return "Linux";
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
  }
}
