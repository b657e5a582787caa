package dev.kassa.pos.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.code.InvalidReason;
import dev.kassa.model.code.Scan;
import dev.kassa.model.code.ScanClassifier;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class KeyboardWedgeScannerTest {
  private static final long MS = 1_000_000L;
  private final RecordingScanListener heard = new RecordingScanListener();
  private final KeyboardWedgeScanner scanner = new KeyboardWedgeScanner(
      new WedgeDecoder(WedgeDecoder.Settings.defaults()), new ScanGate(ScanClassifier.standard(), heard, Clock.systemUTC()));

  private void burst(String keys, long gapMs) {
    long now = 0;
    for (char c : keys.toCharArray()) {
      now += gapMs * MS;
      scanner.key(c, now);
    }
  }

  @Test
  void aFastBurstReachesTheListenerAsAClassifiedCode() {
    burst("2202002007348\r", 5);

    assertThat(heard.codes).singleElement().satisfies(code -> {
      assertThat(code.source()).isEqualTo("keyboard");
      assertThat(code.scan()).isInstanceOf(Scan.WeighedItem.class);
    });
  }

  @Test
  void aFastBurstWithABadCheckDigitIsRejected() {
    burst("4601234567890\r", 5);

    assertThat(heard.codes).isEmpty();
    assertThat(heard.rejections).singleElement()
        .satisfies(r -> assertThat(r.invalidReason()).isEqualTo(InvalidReason.BAD_CHECK_DIGIT));
  }

  @Test
  void typingIsLeftToTheScreen() {
    burst("4601234567893\r", 150);

    assertThat(heard.codes).isEmpty();
    assertThat(heard.rejections).isEmpty();
  }
}
