package dev.kassa.pos.device.serial;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How to open a serial port: 8 data bits, no parity, one stop bit (what every scanner and receipt
 * printer uses), with a settable baud rate and flow control. {@code reconnectPoll} is how often an
 * unplugged port's path is checked for its return.
 */
public record SerialSettings(int baud, FlowControl flowControl, Duration reconnectPoll) {

  public SerialSettings {
    if (baud < 1200 || baud > 921_600) {
      throw new IllegalArgumentException("baud out of 1200..921600: " + baud);
    }
    requireNonNull(flowControl, "flowControl == null");
    requireNonNull(reconnectPoll, "reconnectPoll == null");
    if (reconnectPoll.isNegative() || reconnectPoll.isZero()) {
      throw new IllegalArgumentException("reconnectPoll must be positive: " + reconnectPoll);
    }
  }

  public static SerialSettings of(int baud, FlowControl flowControl) {
    return new SerialSettings(baud, flowControl, Duration.ofMillis(250));
  }
}
