package dev.kassa.pos.device.scanner;

import java.nio.charset.StandardCharsets;

/** What a serial scanner sends after each code; set in the scanner's own programming menu. */
public enum LineSuffix {
  CR("\r"), LF("\n"), CRLF("\r\n");

  private final byte[] bytes;

  LineSuffix(String text) {
    this.bytes = text.getBytes(StandardCharsets.US_ASCII);
  }

  byte[] bytes() {
    return bytes.clone();
  }
}
