package dev.kassa.pos.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pos.device.scanner.WedgeDecoder.Decision;
import dev.kassa.pos.device.scanner.WedgeDecoder.Enter;
import dev.kassa.pos.device.scanner.WedgeDecoder.Scan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recorded key timings: each case lists the characters and the gap in milliseconds before each
 * one, as a JavaFX key handler measured them with {@code System.nanoTime()}.
 */
class WedgeDecoderTest {
  private static final long MS = 1_000_000L;

  /** Feeds {@code keys} with {@code gapsMs[i]} before key i; returns the decisions made. */
  private static List<Decision> play(WedgeDecoder decoder, String keys, long... gapsMs) {
    assertThat(gapsMs).hasSize(keys.length());
    List<Decision> decisions = new ArrayList<>();
    long now = 1_000 * MS;
    for (int i = 0; i < keys.length(); i++) {
      now += gapsMs[i] * MS;
      Optional<Decision> decision = decoder.key(keys.charAt(i), now);
      decision.ifPresent(decisions::add);
    }
    return decisions;
  }

  private static long[] gaps(String csv) {
    return java.util.Arrays.stream(csv.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
  }

  private static WedgeDecoder decoder() {
    return new WedgeDecoder(WedgeDecoder.Settings.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case ($ = Enter)              | keys              | gaps before each key, ms                       | scan?
      USB scanner 8 ms per key         | 4601234567893$   | 0, 8, 8, 9, 8, 8, 7, 8, 8, 9, 8, 8, 8, 8          | true
      scanner, 250 ms UI stall mid-way | 4601234567893$   | 0, 4, 4, 4, 4, 250, 0, 0, 0, 0, 0, 1, 0, 0        | true
      slow scanner 16 ms per key       | 4601234567893$   | 0, 16, 17, 16, 15, 16, 16, 17, 16, 16, 15, 16, 16, 16 | true
      person typing a code             | 46012345$        | 0, 160, 140, 210, 120, 180, 150, 170, 230         | false
      fast typist, short word          | 123$             | 0, 40, 35, 30                                     | false
      fast burst below minimum length  | 1234567$         | 0, 2, 2, 2, 2, 2, 2, 2                            | false
      typist's fast run then a pause   | 12345678$        | 0, 30, 30, 30, 30, 30, 30, 30, 380                | false
      """)
  void tellsScansFromTyping(String name, String keys, String gapsCsv, boolean scan) {
    List<Decision> decisions = play(decoder(), keys.replace('$', '\r'), gaps(gapsCsv));

    assertThat(decisions).singleElement().isInstanceOf(scan ? Scan.class : Enter.class);
  }

  @Test
  void scanCarriesTheCodeAndHowManyKeysTheFieldShowed() {
    assertThat(play(decoder(), "4601234567893\r", gaps("0, 8, 8, 9, 8, 8, 7, 8, 8, 9, 8, 8, 8, 8")))
        .containsExactly(new Scan("4601234567893", 13));
  }

  @Test
  void keysTypedBeforeAPauseDoNotJoinTheScan() {
    List<Decision> decisions = play(decoder(), "7" + "4601234567893\r",
        gaps("0, 900, 8, 8, 9, 8, 8, 7, 8, 8, 9, 8, 8, 8, 8"));

    assertThat(decisions).containsExactly(new Scan("4601234567893", 13));
  }

  @Test
  void typedTextWithEnterIsTheCashiersEnter() {
    assertThat(play(decoder(), "79161234567\r", gaps("0, 150, 170, 140, 200, 160, 150, 180, 140, 170, 160, 300")))
        .containsExactly(new Enter("79161234567"));
  }

  @Test
  void russianLayoutIsMappedBackToTheKeysTheScannerSent() {
    String sent = "KASSA-R:0193a6e2-7c4d-7a31-9b2e-5f1c2d3e4f50";
    String typedInRussian = "ЛФЫЫФ-КЖ0193ф6у2-7с4в-7ф31-9и2у-5а1с2в3у4а50";
    long[] gaps = new long[typedInRussian.length() + 1];
    java.util.Arrays.fill(gaps, 3);

    assertThat(play(decoder(), typedInRussian + "\n", gaps)).containsExactly(new Scan(sent, sent.length()));
  }

  @Test
  void digitsAndLatinArePassedAsTheyAre() {
    assertThat(RussianLayout.toLatin("4601234567893")).isEqualTo("4601234567893");
    assertThat(RussianLayout.toLatin("a.b,c")).isEqualTo("a.b,c");
    assertThat(RussianLayout.toLatin("Хлеб.")).isEqualTo("{kt,/");
  }

  @Test
  void decoderStartsAfreshAfterEachTerminator() {
    WedgeDecoder decoder = decoder();
    play(decoder, "4601234567893\r", gaps("0, 8, 8, 9, 8, 8, 7, 8, 8, 9, 8, 8, 8, 8"));

    assertThat(play(decoder, "\r", gaps("2"))).containsExactly(new Enter(""));
  }
}
