package dev.kassa.pos.device.printer;

import dev.kassa.pos.device.virtual.SimulatedPrinter;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A network printer on a local port: a real socket that records the bytes, played by a simulated printer. */
final class TcpPrinterServer implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  TcpPrinterServer(SimulatedPrinter printer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          connections.incrementAndGet();
          InputStream recording = new FilterInputStream(socket.getInputStream()) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              int n = super.read(b, off, len);
              if (n > 0) {
                synchronized (received) {
                  received.write(b, off, n);
                }
              }
              return n;
            }
          };
          printer.serve(recording, socket.getOutputStream());
        } catch (IOException e) {
          // closed, or the client hung up: wait for the next one
        }
      }
    }, "tcp printer");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every byte the printer received, over all connections, in order. */
  byte[] received() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
