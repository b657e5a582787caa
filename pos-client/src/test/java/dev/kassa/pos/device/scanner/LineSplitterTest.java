package dev.kassa.pos.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LineSplitterTest {

  private static List<String> feed(LineSplitter splitter, String... chunks) {
    List<String> lines = new ArrayList<>();
    for (String chunk : chunks) {
      splitter.feed(chunk.getBytes(StandardCharsets.US_ASCII))
          .forEach(piece -> lines.add((piece.overflow() ? "!" : "") + new String(piece.bytes(), StandardCharsets.US_ASCII)));
    }
    return lines;
  }

  @ParameterizedTest
  @EnumSource(LineSuffix.class)
  void joinsCodesThatArriveInPieces(LineSuffix suffix) {
    String end = new String(suffix.bytes(), StandardCharsets.US_ASCII);
    String stream = "4601234567893" + end + "2775001234567891" + end;
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < stream.length(); i += 3) {
      chunks.add(stream.substring(i, Math.min(stream.length(), i + 3)));
    }

    assertThat(feed(new LineSplitter(suffix, 64), chunks.toArray(String[]::new)))
        .containsExactly("4601234567893", "2775001234567891");
  }

  @Test
  void crlfSplitBetweenChunksIsOneSuffix() {
    assertThat(feed(new LineSplitter(LineSuffix.CRLF, 64), "123\r", "\n456\r", "\n")).containsExactly("123", "456");
  }

  @Test
  void aLoneCrIsPartOfTheLineWhenTheSuffixIsCrlf() {
    assertThat(feed(new LineSplitter(LineSuffix.CRLF, 64), "12\r3\r\n")).containsExactly("12\r3");
  }

  @Test
  void endlessBytesComeOutAsOverflow() {
    assertThat(feed(new LineSplitter(LineSuffix.CR, 4), "1234567\r")).containsExactly("!12345", "67");
  }

  @Test
  void resetDropsHalfACode() {
    LineSplitter splitter = new LineSplitter(LineSuffix.CR, 64);
    feed(splitter, "46012");
    splitter.reset();
    assertThat(feed(splitter, "4601234567893\r")).containsExactly("4601234567893");
  }
}
