package dev.kassa.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as problems too. Some requests never reach Javalin: a path with an
 * encoded NUL or bytes that are not UTF-8, an unparsable request line, headers too large. Jetty
 * answers those itself, by default as an HTML page; this handler makes them the same
 * {@code application/problem+json} as every other error, with Jetty's reason and no stack.
 */
public final class JettyProblems extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
    // Jetty may drop a connection that sent a request it could not take; saying so keeps the
    // client from sending its next request down it
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, body(code, message), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ProblemMapper.CONTENT_TYPE);
    return body(status, reason);
  }

  private static ByteBuffer body(int status, String reason) {
    String title = ProblemMapper.titleOf(status);
    String json = ProblemMapper.json(new ApiException(status, "http-" + status, title,
        reason == null || reason.isBlank() ? title : reason, null, 0));
    return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
  }
}
