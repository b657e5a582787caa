package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.PrinterStatus;
import dev.kassa.pos.device.serial.SerialLink;
import dev.kassa.pos.device.serial.SerialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A printer on a serial port. The port stays open (and reopens after an unplug, see
 * {@link SerialLink}); the printer's status answers arrive on the link's thread and are queued
 * here for the printing thread to read.
 */
public final class SerialPrinterTransport implements PrinterTransport {
  private final Path port;
  private final Duration timeout;
  private final BlockingQueue<Byte> answers = new LinkedBlockingQueue<>();
  private final SerialLink link;

  public SerialPrinterTransport(Path port, SerialSettings settings, Duration timeout) {
    this.port = requireNonNull(port, "port == null");
    this.timeout = requireNonNull(timeout, "timeout == null");
    this.link = new SerialLink(port, settings, bytes -> {
      for (byte b : bytes) {
        answers.add(b);
      }
    }).start();
  }

  @Override
  public Optional<PrinterStatus> send(byte[] bytes) throws PrinterException {
    return exchange(bytes);
  }

  @Override
  public Optional<PrinterStatus> status() throws PrinterException {
    return exchange(new byte[0]);
  }

  private Optional<PrinterStatus> exchange(byte[] bytes) throws PrinterException {
    try {
      if (!link.isConnected() && !Files.exists(port)) {
        throw new PrinterException(PrinterProblem.DEVICE_MISSING, port + " is not connected");
      }
      if (!link.awaitConnected(timeout)) {
        throw Files.exists(port)
            ? new PrinterException(PrinterProblem.OFFLINE, port + " cannot be opened")
            : new PrinterException(PrinterProblem.DEVICE_MISSING, port + " is not connected");
      }
      answers.clear();
      byte[] query = PrinterStatus.query();
      byte[] all = new byte[bytes.length + query.length];
      System.arraycopy(bytes, 0, all, 0, bytes.length);
      System.arraycopy(query, 0, all, bytes.length, query.length);
      link.write(all);
      int[] status = new int[3];
      for (int i = 0; i < 3; i++) {
        Byte b = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (b == null) {
          throw new PrinterException(PrinterProblem.OFFLINE, port + " did not answer the status query within " + timeout);
        }
        status[i] = b & 0xFF;
      }
      return Optional.of(PrinterStatus.decode(status[0], status[1], status[2]));
    } catch (IOException e) {
      throw new PrinterException(PrinterProblem.DEVICE_MISSING, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new PrinterException(PrinterProblem.IO_ERROR, port + " sent a garbled status: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrinterException(PrinterProblem.IO_ERROR, "interrupted", e);
    }
  }

  @Override
  public String describe() {
    return "serial:" + port;
  }

  @Override
  public void close() {
    link.close();
  }
}
