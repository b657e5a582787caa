package dev.kassa.pos.device.serial;

import static java.util.Objects.requireNonNull;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port that survives being unplugged. One daemon thread opens the port by its explicit
 * path (virtual and USB-serial ports are not always in jSerialComm's port list), reads, and hands
 * each chunk of bytes to the listener as it arrives.
 *
 * <p>On unplug jSerialComm fires its disconnect event over and over and keeps reporting
 * {@code isOpen()}; so this class uses no event listener at all: a failed read ({@code -1}) is the
 * one signal, after which the port is closed for real and the path polled every
 * {@link SerialSettings#reconnectPoll()} until the device is back and opens again. Nothing here
 * ever runs on the caller's thread except {@link #write}.
 */
public final class SerialLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SerialLink.class);
  private static final int READ_TIMEOUT_MS = 100;

  /** Hears what the port delivers, on the link's own thread. */
  public interface Listener {
    void onBytes(byte[] bytes);

    default void onConnected(boolean connected) {}
  }

  private final Path path;
  private final SerialSettings settings;
  private final Listener listener;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;
  private final Object connectedSignal = new Object();
  private volatile SerialPort port;

  public SerialLink(Path path, SerialSettings settings, Listener listener) {
    this.path = requireNonNull(path, "path == null");
    this.settings = requireNonNull(settings, "settings == null");
    this.listener = requireNonNull(listener, "listener == null");
    this.thread = new Thread(this::run, "serial " + path);
    this.thread.setDaemon(true);
  }

  /** Starts opening and reading; returns at once, the port may not be there yet. */
  public SerialLink start() {
    thread.start();
    return this;
  }

  public Path path() {
    return path;
  }

  public boolean isConnected() {
    return port != null;
  }

  /** Waits up to {@code timeout} for the port to be open; true when it is. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (connectedSignal) {
      while (port == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(connectedSignal, left);
      }
      return true;
    }
  }

  /** Writes all bytes or throws; an unplugged port is an {@link IOException}. */
  public void write(byte[] bytes) throws IOException {
    SerialPort current = port;
    if (current == null) {
      throw new IOException(path + " is not connected");
    }
    synchronized (this) {
      int written = current.writeBytes(bytes, bytes.length);
      if (written != bytes.length) {
        throw new IOException(path + ": wrote " + written + " of " + bytes.length + " bytes");
      }
    }
  }

  private void run() {
    while (closed.getCount() > 0) {
      SerialPort opened = open();
      if (opened == null) {
        pause();
        continue;
      }
      synchronized (connectedSignal) {
        port = opened;
        connectedSignal.notifyAll();
      }
      LOG.info("serial port {} connected", path);
      notifyConnected(true);
      read(opened);
      port = null;
      opened.closePort();
      if (closed.getCount() > 0) {
        LOG.warn("serial port {} disconnected; waiting for it to return", path);
        notifyConnected(false);
        pause();
      }
    }
  }

  private SerialPort open() {
    if (!Files.exists(path)) {
      return null;
    }
    SerialPort candidate;
    try {
      candidate = SerialPort.getCommPort(path.toString());
    } catch (RuntimeException e) {
      return null;
    }
    candidate.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    candidate.setFlowControl(switch (settings.flowControl()) {
      case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
      case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
      case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
    });
    candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
    return candidate.openPort() ? candidate : null;
  }

  private void read(SerialPort opened) {
    byte[] buffer = new byte[1024];
    while (closed.getCount() > 0) {
      int n = opened.readBytes(buffer, buffer.length);
      if (n < 0 || (n == 0 && !Files.exists(path))) {
        return;
      }
      if (n > 0) {
        try {
          listener.onBytes(Arrays.copyOf(buffer, n));
        } catch (RuntimeException e) {
          LOG.error("serial listener failed on {}", path, e);
        }
      }
    }
  }

  private void notifyConnected(boolean connected) {
    try {
      listener.onConnected(connected);
    } catch (RuntimeException e) {
      LOG.error("serial listener failed on {}", path, e);
    }
  }

  private void pause() {
    try {
      closed.await(settings.reconnectPoll().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed.countDown();
    }
  }

  /** Stops the thread and closes the port; waits for the thread for at most a second. */
  @Override
  public void close() {
    closed.countDown();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    SerialPort current = port;
    if (current != null) {
      current.closePort();
    }
  }
}
