package dev.kassa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  /** The JSON texts are written with / for a backslash, so the table shows exactly what is sent. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"name": "a/u0000b"}      | true
      {"name": "/u0000"}        | true
      {"name": "a//u0000b"}     | false
      {"name": "a///u0000b"}    | true
      {"name": "a////u0000b"}   | false
      {"name": "a/u00001"}      | true
      {"name": "a/u0001b"}      | false
      {"name": "u0000"}         | false
      {"name": "a/u000"}        | false
      """)
  void aNulIsFoundOnlyWhereItsEscapeIsNotItselfEscaped(String json, boolean holdsNul) {
    byte[] bytes = json.replace('/', '\\').getBytes(StandardCharsets.UTF_8);

    assertThat(Json.holdsNul(bytes, 0, bytes.length)).isEqualTo(holdsNul);
  }
}
