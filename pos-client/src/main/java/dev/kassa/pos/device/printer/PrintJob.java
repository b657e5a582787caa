package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A document ready for the printer: its bytes and a name such as "receipt 42". */
public record PrintJob(String name, byte[] bytes, Instant createdAt) {

  public PrintJob {
    requireNonNull(name, "name == null");
    requireNonNull(bytes, "bytes == null");
    requireNonNull(createdAt, "createdAt == null");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("print job " + name + " is empty");
    }
    bytes = bytes.clone();
  }

  public static PrintJob of(String name, byte[] bytes) {
    return new PrintJob(name, bytes, Instant.now());
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
