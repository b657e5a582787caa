package dev.kassa.pos.device.serial;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A linked pair of pseudo-terminals made by {@code socat}: what one end writes the other reads,
 * like a null-modem cable. The app opens {@link #app()}; a simulated device (the demo's scanner
 * and printer, or a test) plays on {@link #device()}. {@link #unplug()} kills socat, so both ends
 * vanish as when a USB adapter is pulled; {@link #replug()} makes a new pair under the same paths.
 */
public final class PtyPair implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

  private final Path app;
  private final Path device;
  private Process process;

  /** Starts socat with the two ends linked as {@code dir/<name>-app} and {@code dir/<name>-device}. */
  public PtyPair(Path dir, String name) throws IOException {
    requireNonNull(dir, "dir == null");
    this.app = dir.resolve(name + "-app");
    this.device = dir.resolve(name + "-device");
    start();
  }

  public Path app() {
    return app;
  }

  public Path device() {
    return device;
  }

  private void start() throws IOException {
    Files.deleteIfExists(app);
    Files.deleteIfExists(device);
    try {
      process = new ProcessBuilder("socat", "-d", "-d",
          "pty,raw,echo=0,link=" + app, "pty,raw,echo=0,link=" + device)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IOException("cannot start socat (install it: apt-get install socat): " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!(Files.exists(app) && Files.exists(device))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroy();
        throw new IOException("socat did not create " + app + " and " + device);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /** Kills socat and removes the links: both ends are gone. */
  public void unplug() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(app);
    Files.deleteIfExists(device);
  }

  public void replug() throws IOException {
    start();
  }

  /** Opens the device end as a plain file: a pty needs no serial settings to be written or read. */
  public RandomAccessFile openDevice() throws IOException {
    return new RandomAccessFile(device.toRealPath().toFile(), "rw");
  }

  @Override
  public void close() throws IOException {
    unplug();
  }
}
