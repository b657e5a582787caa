package dev.kassa.pos.device;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where receipts go, written in settings as {@code serial:/dev/ttyUSB0}, {@code tcp:10.0.0.5:9100},
 * {@code file:/dev/usb/lp0} or {@code virtual} (no paper: preview only).
 */
public sealed interface PrinterTarget {

  record Serial(Path port) implements PrinterTarget {}

  record Tcp(String host, int port) implements PrinterTarget {}

  record DeviceFile(Path device) implements PrinterTarget {}

  record Virtual() implements PrinterTarget {}

  static PrinterTarget parse(String text) {
    requireNonNull(text, "text == null");
    String value = text.strip();
    if (value.equals("virtual")) {
      return new Virtual();
    }
    int colon = value.indexOf(':');
    String kind = colon < 0 ? value : value.substring(0, colon);
    String rest = colon < 0 ? "" : value.substring(colon + 1);
    switch (kind) {
      case "serial", "file" -> {
        if (rest.isBlank()) {
          throw new IllegalArgumentException(kind + ": needs a path, e.g. " + kind
              + (kind.equals("serial") ? ":/dev/ttyUSB0" : ":/dev/usb/lp0"));
        }
        return kind.equals("serial") ? new Serial(Path.of(rest)) : new DeviceFile(Path.of(rest));
      }
      case "tcp" -> {
        int portColon = rest.lastIndexOf(':');
        if (portColon <= 0) {
          throw new IllegalArgumentException("tcp: needs host:port, e.g. tcp:10.0.0.5:9100, was " + value);
        }
        try {
          return new Tcp(rest.substring(0, portColon), Integer.parseInt(rest.substring(portColon + 1)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("tcp: port is not a number: " + value, e);
        }
      }
      default -> throw new IllegalArgumentException(
          "printer must be serial:PATH, tcp:HOST:PORT, file:PATH or virtual, was " + value);
    }
  }

  /** The settings form of this target. */
  default String format() {
    if (this instanceof Serial serial) {
      return "serial:" + serial.port();
    } else if (this instanceof Tcp tcp) {
      return "tcp:" + tcp.host() + ":" + tcp.port();
    } else if (this instanceof DeviceFile file) {
      return "file:" + file.device();
    }
    return "virtual";
  }
}
