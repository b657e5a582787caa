package dev.kassa.pos.device.scanner;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a keyboard-wedge scanner from a person typing. The screen lets every key through to the
 * focused field as usual and feeds it here with the time it arrived; when a terminator (Enter)
 * ends a burst, the decoder says whether the burst was a {@link Scan} (the screen removes the
 * {@code consumed} characters it showed and handles the code) or an {@link Enter} the person
 * pressed.
 *
 * <p>A burst is a scan when it has at least {@code minLength} characters and its AVERAGE gap,
 * terminator included, is at most {@code maxAverageGap}. Not each gap: JavaFX key events carry no
 * timestamp, so arrival is measured on the UI thread, and a stall there (a GC pause, a layout
 * pass) delivers the middle of a scan 200 ms late and the rest at once. A pause longer than
 * {@code burstBreak} starts a new burst, so keys typed a moment before a scan do not join it.
 * Characters produced by the Russian layout are mapped back to the Latin keys the scanner sent.
 *
 * <p>Not thread-safe; the UI thread owns it. Plain Java, so it is tested with recorded timings.
 */
public final class WedgeDecoder {

  /** Thresholds; {@link #defaults()} suits USB HID scanners (1-16 ms per key) and fast typists. */
  public record Settings(int minLength, Duration maxAverageGap, Duration burstBreak, Set<Character> terminators) {
    public Settings {
      if (minLength < 1) {
        throw new IllegalArgumentException("minLength < 1: " + minLength);
      }
      requireNonNull(maxAverageGap, "maxAverageGap == null");
      requireNonNull(burstBreak, "burstBreak == null");
      terminators = Set.copyOf(requireNonNull(terminators, "terminators == null"));
      if (terminators.isEmpty()) {
        throw new IllegalArgumentException("no terminator");
      }
      if (burstBreak.compareTo(maxAverageGap) <= 0) {
        throw new IllegalArgumentException("burstBreak must exceed maxAverageGap");
      }
    }

    public static Settings defaults() {
      return new Settings(8, Duration.ofMillis(50), Duration.ofMillis(400), Set.of('\r', '\n'));
    }
  }

  /** What a terminator decided. */
  public sealed interface Decision {}

  /** A scanned code (Latin); the screen removes the {@code consumed} characters it showed. */
  public record Scan(String code, int consumed) implements Decision {}

  /** The person pressed Enter after typing {@code typed} (possibly nothing). */
  public record Enter(String typed) implements Decision {}

  private final Settings settings;
  private final StringBuilder burst = new StringBuilder();
  private long firstNanos;
  private long lastNanos;

  public WedgeDecoder(Settings settings) {
    this.settings = requireNonNull(settings, "settings == null");
  }

  /**
   * One key, with {@code nanos} from {@link System#nanoTime()} at arrival.
   *
   * @return a decision when the key was a terminator, else empty
   */
  public Optional<Decision> key(char c, long nanos) {
    if (burst.length() > 0 && nanos - lastNanos > settings.burstBreak().toNanos()) {
      burst.setLength(0);
    }
    if (settings.terminators().contains(c)) {
      Decision decision = decide(nanos);
      burst.setLength(0);
      return Optional.of(decision);
    }
    if (burst.length() == 0) {
      firstNanos = nanos;
    }
    burst.append(c);
    lastNanos = nanos;
    return Optional.empty();
  }

  private Decision decide(long terminatorNanos) {
    int length = burst.length();
    if (length >= settings.minLength()) {
      long averageGap = (terminatorNanos - firstNanos) / length;
      if (averageGap <= settings.maxAverageGap().toNanos()) {
        return new Scan(RussianLayout.toLatin(burst.toString()), length);
      }
    }
    return new Enter(burst.toString());
  }
}
