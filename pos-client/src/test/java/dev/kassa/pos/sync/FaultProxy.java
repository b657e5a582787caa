package dev.kassa.pos.sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between terminals and the real server that injects the network's faults at the HTTP
 * request level, where they hurt an exactly-once protocol most: a request lost before the server,
 * a reply lost after the server committed, a request delivered twice, requests delivered out of
 * order, and a network partition. Faults are chosen per request by a seeded {@link FaultPlan}.
 */
public final class FaultProxy implements AutoCloseable {

  public enum Fault {
    NONE,
    /** The connection is closed before the request is read: the server never sees it. */
    DROP,
    /** The request is forwarded after a delay. */
    DELAY,
    /** The request is read in full, then the connection is reset: the server never sees it. */
    RESET_AFTER_REQUEST,
    /** The server gets and answers the request, then the client's connection is reset. */
    CUT_REPLY,
    /** The request is sent to the server twice; the client gets the first answer. */
    DUPLICATE,
    /** The request is held until a later request has passed it (or a timeout): reordering. */
    HOLD
  }

  private static final Set<String> HOP_BY_HOP = Set.of(
      "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
      "host", "content-length", "expect");

  private final ServerSocket listener;
  private final URI upstream;
  private final HttpClient client;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "fault-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<Fault, AtomicLong> counts = new EnumMap<>(Fault.class);
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final Semaphore overtaken = new Semaphore(0);
  private volatile FaultPlan plan;
  private volatile boolean partitioned;
  private volatile Duration delay = Duration.ofMillis(300);
  private volatile Canned canned;
  private volatile String[] partitionTrigger;

  /** A fixed answer the proxy gives instead of the server's: a failing or garbled server. */
  private record Canned(int status, List<String[]> headers, byte[] body) {}

  public FaultProxy(URI upstream, FaultPlan plan) throws IOException {
    this.upstream = upstream;
    this.plan = plan;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
    for (Fault fault : Fault.values()) {
      counts.put(fault, new AtomicLong());
    }
    workers.execute(this::acceptLoop);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  public void plan(FaultPlan plan) {
    this.plan = plan;
  }

  public void delay(Duration delay) {
    this.delay = delay;
  }

  /** While partitioned every connection is refused at once, as if the cable were pulled. */
  public void partition(boolean partitioned) {
    this.partitioned = partitioned;
    if (partitioned) {
      open.forEach(FaultProxy::reset);
    }
  }

  /**
   * Partitions the network at the first request to {@code pathPrefix} whose body holds
   * {@code bodyText}, before it reaches the server: the cable is pulled at a known point of a run
   * (say, the first push of a sale) rather than at a moment a test would have to guess.
   */
  public void partitionAt(String pathPrefix, String bodyText) {
    partitionTrigger = new String[] {pathPrefix, bodyText};
  }

  /**
   * From now on every request is answered with {@code status}, {@code headers} and {@code body}
   * without reaching the server (a 500, a 503 with Retry-After, an HTML error page...).
   */
  public void answerWith(int status, Map<String, String> headers, String body) {
    List<String[]> list = new ArrayList<>();
    headers.forEach((name, value) -> list.add(new String[] {name, value}));
    canned = new Canned(status, list, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Back to forwarding requests to the server. */
  public void forwardToServer() {
    canned = null;
  }

  public long count(Fault fault) {
    return counts.get(fault).get();
  }

  /** Connections refused because of a partition: proof that a partition really cut someone off. */
  public long refused() {
    return refused.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        if (partitioned) {
          refused.incrementAndGet();
          reset(socket);
          continue;
        }
        open.add(socket);
        workers.execute(() -> serve(socket));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!partitioned) {
        // the fault is drawn once a request has begun to arrive: drawn for a kept-alive connection
        // that then stays idle to the end of the run, a fault owed by the plan would never be applied
        // nor counted (one connection per till can hold one)
        in.mark(1);
        if (in.read() < 0) {
          return;
        }
        in.reset();
        FaultPlan drawnFrom = plan;
        Fault fault = drawnFrom.next();
        if (fault == Fault.DROP) {
          counts.get(fault).incrementAndGet();
          return;
        }
        HttpMessage request;
        try {
          request = HttpMessage.readRequest(in);
        } catch (IOException e) {
          drawnFrom.unused(fault);
          throw e;
        }
        if (request == null || partitioned) {
          drawnFrom.unused(fault);
          return;
        }
        if (triggersPartition(request)) {
          drawnFrom.unused(fault);
          partition(true);
          return;
        }
        Canned answer = canned;
        if (answer != null) {
          drawnFrom.unused(fault);
          HttpMessage.writeResponse(out, answer.status(), answer.headers(), answer.body());
          continue;
        }
        counts.get(fault).incrementAndGet();
        switch (fault) {
          case RESET_AFTER_REQUEST -> {
            reset(socket);
            return;
          }
          case DELAY -> pause(delay.toMillis());
          case HOLD -> {
            // let a later request overtake this one; give up waiting after a while
            overtaken.drainPermits();
            overtaken.tryAcquire(delay.toMillis() * 5, TimeUnit.MILLISECONDS);
          }
          default -> { }
        }
        HttpResponse<byte[]> response = forward(request);
        if (fault == Fault.DUPLICATE) {
          forward(request);
        }
        passed.incrementAndGet();
        overtaken.release();
        if (fault == Fault.CUT_REPLY) {
          reset(socket);
          return;
        }
        List<String[]> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
          if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
            values.forEach(value -> headers.add(new String[] {name, value}));
          }
        });
        HttpMessage.writeResponse(out, response.statusCode(), headers, response.body());
      }
    } catch (IOException | RuntimeException e) {
      // the client or the server went away: a fault the terminal must survive anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  private synchronized boolean triggersPartition(HttpMessage request) {
    String[] trigger = partitionTrigger;
    if (trigger != null && request.target().startsWith(trigger[0])
        && new String(request.body(), java.nio.charset.StandardCharsets.UTF_8).contains(trigger[1])) {
      partitionTrigger = null;
      return true;
    }
    return false;
  }

  private HttpResponse<byte[]> forward(HttpMessage request) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.target()))
        .timeout(Duration.ofSeconds(30))
        .method(request.method(), request.body().length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    for (String[] header : request.headers()) {
      if (!HOP_BY_HOP.contains(header[0].toLowerCase(Locale.ROOT))) {
        builder.header(header[0], header[1]);
      }
    }
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void pause(long millis) throws InterruptedException {
    // the fault itself is a delay; nothing waits on a condition here
    TimeUnit.MILLISECONDS.sleep(millis);
  }

  /** Closes with SO_LINGER 0, so the peer sees a TCP reset rather than an orderly end. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (SocketException e) {
      // already gone
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    open.forEach(FaultProxy::reset);
    workers.shutdownNow();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
  }
}
