package dev.kassa.server.bench;

import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.server.sync.PushDecoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one push body of {@value #SALES} sales (5 lines each, with their EARN entries: the ingest
 * benchmark's workload) on one thread: as the server does ({@link PushDecoder}), and with the
 * canonical codec alone for comparison. Divide by {@value #SALES} for a sale. Run:
 * {@code java -cp "sync-server/target/test-classes:sync-server/target/classes:$(cat
 * sync-server/target/test-classpath.txt)" org.openjdk.jmh.Main PushDecodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PushDecodeBenchmark {
  static final int SALES = 250;

  private byte[] body;

  @Setup
  public void setUp() {
    body = IngestWorkload.terminals("store-1", List.of("till-1"), SALES, SALES, "2000", 20_000, 7)
        .get(0).bodies().get(0);
  }

  @Benchmark
  public PushDecoder.Batch server() {
    return PushDecoder.decode(body);
  }

  @Benchmark
  public PushRequest canonicalCodec() {
    return SyncCodec.fromJson(body, PushRequest.class);
  }
}
