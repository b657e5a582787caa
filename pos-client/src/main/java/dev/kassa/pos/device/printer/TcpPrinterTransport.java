package dev.kassa.pos.device.printer;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.PrinterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Raw TCP printing ("port 9100", JetDirect): one connection per job, bytes as they are. Network
 * printers often serve one client at a time and drop idle connections, so nothing is held open.
 */
public final class TcpPrinterTransport implements PrinterTransport {
  private final String host;
  private final int port;
  private final Duration timeout;

  public TcpPrinterTransport(String host, int port, Duration timeout) {
    this.host = requireNonNull(host, "host == null");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of 1..65535: " + port);
    }
    this.port = port;
    this.timeout = requireNonNull(timeout, "timeout == null");
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
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.write(PrinterStatus.query());
      out.flush();
      return readStatus(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      throw new PrinterException(PrinterProblem.UNREACHABLE, describe() + " did not answer within " + timeout, e);
    } catch (IOException e) {
      throw new PrinterException(PrinterProblem.UNREACHABLE, describe() + ": " + e.getMessage(), e);
    }
  }

  private Optional<PrinterStatus> readStatus(InputStream in) throws IOException {
    byte[] answer = in.readNBytes(3);
    if (answer.length < 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(PrinterStatus.decode(answer[0] & 0xFF, answer[1] & 0xFF, answer[2] & 0xFF));
    } catch (IllegalArgumentException e) {
      throw new IOException("garbled status answer: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "tcp:" + host + ":" + port;
  }
}
