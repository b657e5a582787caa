package dev.kassa.server.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One row of the server's route table. Every feature contributes a {@code List<Route>}; the table
 * is what the server registers, what the OpenAPI test checks and what the auth-matrix test walks,
 * so a route cannot exist without an access rule.
 */
public record Route(HandlerType method, String path, Access access, Handler handler) {
  public Route {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    requireNonNull(access, "access == null");
    requireNonNull(handler, "handler == null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
  }

  public static Route get(String path, Access access, Handler handler) {
    return new Route(HandlerType.GET, path, access, handler);
  }

  public static Route post(String path, Access access, Handler handler) {
    return new Route(HandlerType.POST, path, access, handler);
  }

  public static Route put(String path, Access access, Handler handler) {
    return new Route(HandlerType.PUT, path, access, handler);
  }

  public static Route delete(String path, Access access, Handler handler) {
    return new Route(HandlerType.DELETE, path, access, handler);
  }

  @Override
  public String toString() {
    return method + " " + path + " [" + access + "]";
  }
}
