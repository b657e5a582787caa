package dev.kassa.pos.device;

/** {@code devices.properties} has a value Kassa cannot use; the message names the key and the value. */
public final class DeviceConfigException extends RuntimeException {
  public DeviceConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
