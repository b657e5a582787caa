package dev.kassa.pos.device.bench;

import dev.kassa.bench.BenchmarkReport;
import dev.kassa.model.code.ScanClassifier;
import dev.kassa.pos.device.scanner.LineSuffix;
import dev.kassa.pos.device.scanner.ScanGate;
import dev.kassa.pos.device.scanner.ScanListener;
import dev.kassa.pos.device.scanner.ScanRejection;
import dev.kassa.pos.device.scanner.ScannedCode;
import dev.kassa.pos.device.scanner.SerialScanner;
import dev.kassa.pos.device.scanner.WedgeDecoder;
import dev.kassa.pos.device.serial.FlowControl;
import dev.kassa.pos.device.serial.PtyPair;
import dev.kassa.pos.device.serial.SerialSettings;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The device share of "scan to line shown" (target p99 under 50 ms, PRODUCT.md): from the moment
 * a serial scanner's bytes are written into the pty until the classified code reaches the
 * listener (jSerialComm read, line splitting, scan classification), and the time the keyboard-wedge
 * decoder needs per scanned code. Scans: {@code -Dkassa.bench.scans} (default 2000).
 */
public final class ScanLatencyBenchmark {
  private ScanLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int scans = Integer.getInteger("kassa.bench.scans", 2000);
    long[] serial = serialLatencies(scans);
    double wedgeMicros = wedgeMicrosPerCode(200_000);
    String body = String.format(Locale.ROOT, """
        | what | figure |
        | --- | --- |
        | serial scanner, pty write to classified code, p50 | %.2f ms |
        | serial scanner, pty write to classified code, p99 | %.2f ms |
        | serial scanner, pty write to classified code, max | %.2f ms |
        | keyboard-wedge decoder, per 13-digit code + Enter | %.2f us |

        %d serial scans of an EAN-13 through socat ptys, jSerialComm, line splitter and scan classifier
        (target for the whole scan-to-line-shown path: p99 under 50 ms). Command: `./kassa bench scan-latency`.
        """, millis(serial, 0.50), millis(serial, 0.99), serial[serial.length - 1] / 1e6, wedgeMicros, scans);
    System.out.println(body);
    Path report = BenchmarkReport.reportPath(args);
    if (report != null) {
      BenchmarkReport.write(report, "scan-latency", "Scan latency (device layer)", body);
    }
  }

  private static long[] serialLatencies(int scans) throws Exception {
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    ScanListener listener = new ScanListener() {
      @Override
      public void onScan(ScannedCode code) {
        arrivals.add(System.nanoTime());
      }

      @Override
      public void onRejected(ScanRejection rejection) {
        throw new IllegalStateException(rejection.message());
      }
    };
    Path dir = Files.createTempDirectory("kassa-bench");
    int warmup = 200;
    long[] latencies = new long[scans];
    try (PtyPair pty = new PtyPair(dir, "scanner");
         SerialScanner scanner = new SerialScanner(pty.app(), SerialSettings.of(9600, FlowControl.NONE), LineSuffix.CR,
             new ScanGate(ScanClassifier.standard(), listener, Clock.systemUTC())).start()) {
      if (!scanner.awaitConnected(Duration.ofSeconds(10))) {
        throw new IllegalStateException("scanner port did not open");
      }
      byte[] code = "4601234567893\r".getBytes(StandardCharsets.US_ASCII);
      try (RandomAccessFile device = pty.openDevice()) {
        for (int i = -warmup; i < scans; i++) {
          long sent = System.nanoTime();
          device.write(code);
          Long arrived = arrivals.poll(5, TimeUnit.SECONDS);
          if (arrived == null) {
            throw new IllegalStateException("scan " + i + " did not arrive");
          }
          if (i >= 0) {
            latencies[i] = arrived - sent;
          }
        }
      }
    } finally {
      Files.deleteIfExists(dir);
    }
    Arrays.sort(latencies);
    return latencies;
  }

  private static double wedgeMicrosPerCode(int codes) {
    WedgeDecoder decoder = new WedgeDecoder(WedgeDecoder.Settings.defaults());
    String keys = "4601234567893\r";
    long now = 0;
    int scansSeen = 0;
    long start = System.nanoTime();
    for (int i = 0; i < codes; i++) {
      now += 1_000_000_000L;
      for (int k = 0; k < keys.length(); k++) {
        now += 8_000_000L;
        if (decoder.key(keys.charAt(k), now).filter(WedgeDecoder.Scan.class::isInstance).isPresent()) {
          scansSeen++;
        }
      }
    }
    long elapsed = System.nanoTime() - start;
    if (scansSeen != codes) {
      throw new IllegalStateException("wedge decoder saw " + scansSeen + " scans of " + codes);
    }
    return elapsed / 1e3 / codes;
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
