package dev.kassa.pos.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialLinkTest {

  static final class Recorder implements SerialLink.Listener {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();

    @Override
    public synchronized void onBytes(byte[] chunk) {
      bytes.writeBytes(chunk);
    }

    @Override
    public void onConnected(boolean connected) {
      (connected ? connects : disconnects).incrementAndGet();
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void readsWhatTheDeviceSendsAndWritesBack(@TempDir Path dir) throws Exception {
    Recorder recorder = new Recorder();
    try (PtyPair socat = new PtyPair(dir, "port");
         SerialLink link = new SerialLink(socat.app(), SerialSettings.of(9600, FlowControl.NONE), recorder).start();
         RandomAccessFile device = socat.openDevice()) {
      await().atMost(Duration.ofSeconds(5)).until(link::isConnected);

      device.write("hello".getBytes(StandardCharsets.US_ASCII));
      await().atMost(Duration.ofSeconds(5)).until(() -> recorder.text().equals("hello"));

      link.write(new byte[] {0x10, 0x04, 0x01});
      byte[] got = new byte[3];
      device.readFully(got);
      assertThat(got).containsExactly(0x10, 0x04, 0x01);
    }
  }

  @Test
  void reconnectsWhenTheDeviceComesBack(@TempDir Path dir) throws Exception {
    Recorder recorder = new Recorder();
    PtyPair socat = new PtyPair(dir, "port");
    try (SerialLink link = new SerialLink(socat.app(), SerialSettings.of(9600, FlowControl.NONE), recorder).start()) {
      await().atMost(Duration.ofSeconds(5)).until(link::isConnected);

      socat.unplug();
      await().atMost(Duration.ofSeconds(5)).until(() -> !link.isConnected());
      assertThat(recorder.disconnects).hasValue(1);

      socat.replug();
      await().atMost(Duration.ofSeconds(5)).until(link::isConnected);
      try (RandomAccessFile device = socat.openDevice()) {
        device.write("again".getBytes(StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.text().equals("again"));
      }
      assertThat(recorder.connects).hasValue(2);
      assertThat(recorder.disconnects).hasValue(1);
    } finally {
      socat.close();
    }
  }
}
