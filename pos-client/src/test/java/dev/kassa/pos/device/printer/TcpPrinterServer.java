package dev.kassa.pos.device.printer;

import dev.kassa.pos.device.virtual.SimulatedPrinter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A network printer on a local port: a real socket, played by a simulated printer. */
final class TcpPrinterServer implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  TcpPrinterServer(SimulatedPrinter printer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          connections.incrementAndGet();
          printer.serve(socket.getInputStream(), socket.getOutputStream());
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

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
