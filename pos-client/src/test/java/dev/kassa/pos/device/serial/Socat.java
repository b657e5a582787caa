package dev.kassa.pos.device.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A linked pair of pseudo-terminals made by {@code socat}: what one end writes the other reads,
 * like a null-modem cable. The app opens {@link #app()}; the test plays the device on
 * {@link #device()}. {@link #unplug()} kills socat (both ends vanish, as when a USB adapter is
 * pulled) and {@link #replug()} makes a new pair under the same paths.
 */
public final class Socat implements AutoCloseable {
  private final Path app;
  private final Path device;
  private Process process;

  public Socat(Path dir) throws IOException {
    this.app = dir.resolve("app");
    this.device = dir.resolve("device");
    start();
  }

  public Path app() {
    return app;
  }

  public Path device() {
    return device;
  }

  private void start() throws IOException {
    process = new ProcessBuilder("socat", "-d", "-d",
        "pty,raw,echo=0,link=" + app, "pty,raw,echo=0,link=" + device)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(app) && Files.exists(device));
  }

  public void unplug() throws InterruptedException, IOException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
    Files.deleteIfExists(app);
    Files.deleteIfExists(device);
  }

  public void replug() throws IOException {
    start();
  }

  /** Opens the device end as a plain file: a pty needs no serial settings to be written or read. */
  public java.io.RandomAccessFile openDevice() throws IOException {
    return new java.io.RandomAccessFile(device.toRealPath().toFile(), "rw");
  }

  @Override
  public void close() throws InterruptedException, IOException {
    unplug();
  }
}
