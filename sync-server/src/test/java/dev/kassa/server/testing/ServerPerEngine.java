package dev.kassa.server.testing;

import java.util.EnumMap;
import java.util.Map;

/**
 * One test server per engine, started on first use and shared by a test class (starting one costs
 * about a second); tests that share it use their own ids so they do not see each other.
 *
 * <pre>{@code
 * static final ServerPerEngine SERVERS = new ServerPerEngine();
 * @AfterAll static void stop() { SERVERS.close(); }
 * }</pre>
 */
public final class ServerPerEngine implements AutoCloseable {
  private final Map<Engine, TestServer> servers = new EnumMap<>(Engine.class);

  public synchronized TestServer get(Engine engine) {
    return servers.computeIfAbsent(engine, TestServer::start);
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(TestServer::close);
    servers.clear();
  }
}
