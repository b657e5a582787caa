package dev.kassa.pos.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.model.code.InvalidReason;
import dev.kassa.model.code.Scan;
import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.serial.FlowControl;
import dev.kassa.pos.device.serial.SerialSettings;
import dev.kassa.pos.device.serial.PtyPair;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial scanner through a real pty pair; the test plays the scanner on the other end. */
class SerialScannerTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final RecordingScanListener heard = new RecordingScanListener();

  private SerialScanner scanner(Path port, LineSuffix suffix) {
    ScanGate gate = new ScanGate(ScanClassifier.standard(), heard, Clock.systemUTC());
    return new SerialScanner(port, SerialSettings.of(9600, FlowControl.NONE), suffix, gate).start();
  }

  private static void send(RandomAccessFile device, String text) throws Exception {
    device.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void readsCodesSentInPiecesWithCrlf(@TempDir Path dir) throws Exception {
    try (PtyPair socat = new PtyPair(dir, "port"); SerialScanner scanner = scanner(socat.app(), LineSuffix.CRLF);
         RandomAccessFile device = socat.openDevice()) {
      await().atMost(WAIT).until(scanner::isConnected);

      send(device, "46012");
      send(device, "34567893\r");
      send(device, "\nKASSA-R:0193a6e2-7c4d-7a31-9b2e-5f1c2d3e4f50\r\n");

      await().atMost(WAIT).until(() -> heard.codes.size() == 2);
      assertThat(heard.texts()).containsExactly("4601234567893", "KASSA-R:0193a6e2-7c4d-7a31-9b2e-5f1c2d3e4f50");
      assertThat(heard.codes.get(0).scan()).isInstanceOf(Scan.ProductBarcode.class);
      assertThat(heard.codes.get(1).scan()).isInstanceOf(Scan.ReceiptQr.class);
      assertThat(heard.rejections).isEmpty();
    }
  }

  @Test
  void garbageIsRejectedWithAReasonAndEmitsNoCode(@TempDir Path dir) throws Exception {
    try (PtyPair socat = new PtyPair(dir, "port"); SerialScanner scanner = scanner(socat.app(), LineSuffix.CR);
         RandomAccessFile device = socat.openDevice()) {
      await().atMost(WAIT).until(scanner::isConnected);

      send(device, "\u00ff\u0001\u00fe\r");
      send(device, "4601234567890\r");
      send(device, "460123\r");

      await().atMost(WAIT).until(() -> heard.rejections.size() == 3);
      assertThat(heard.codes).isEmpty();
      assertThat(heard.rejections).extracting(ScanRejection::kind).containsExactly(
          ScanRejection.Kind.NOISE, ScanRejection.Kind.INVALID_CODE, ScanRejection.Kind.INVALID_CODE);
      assertThat(heard.rejections.get(0).message()).contains("line noise");
      assertThat(heard.rejections.get(1).invalidReason()).isEqualTo(InvalidReason.BAD_CHECK_DIGIT);
      assertThat(heard.rejections.get(2).invalidReason()).isEqualTo(InvalidReason.WRONG_LENGTH);
    }
  }

  @Test
  void scanningResumesAfterUnplugAndReplug(@TempDir Path dir) throws Exception {
    PtyPair socat = new PtyPair(dir, "port");
    try (SerialScanner scanner = scanner(socat.app(), LineSuffix.CR)) {
      await().atMost(WAIT).until(scanner::isConnected);
      try (RandomAccessFile device = socat.openDevice()) {
        send(device, "4601234567893\r");
        send(device, "46012");
        await().atMost(WAIT).until(() -> heard.codes.size() == 1);
      }

      socat.unplug();
      await().atMost(WAIT).until(() -> !scanner.isConnected());
      socat.replug();
      await().atMost(WAIT).until(scanner::isConnected);

      try (RandomAccessFile device = socat.openDevice()) {
        send(device, "4607001234562\r");
        await().atMost(WAIT).until(() -> heard.codes.size() == 2);
      }
      assertThat(heard.texts()).containsExactly("4601234567893", "4607001234562");
      assertThat(heard.connections).containsExactly(true, false, true);
      assertThat(heard.rejections).isEmpty();
    } finally {
      socat.close();
    }
  }
}
