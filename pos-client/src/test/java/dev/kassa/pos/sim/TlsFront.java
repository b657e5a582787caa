package dev.kassa.pos.sim;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.internal.http.HttpMethod;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Makes a TLS-serving MockWebServer the HTTPS front of the real (plain HTTP) server, as a reverse
 * proxy in production would be: every request is passed on and its answer passed back.
 */
final class TlsFront extends Dispatcher {
  private static final Set<String> PASSED_ON = Set.of("Authorization", "Accept", "If-None-Match");
  private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "transfer-encoding",
      "accept-encoding", "content-encoding", "keep-alive");
  private final HttpUrl upstream;
  private final OkHttpClient client = new OkHttpClient();

  TlsFront(String upstreamUrl) {
    this.upstream = HttpUrl.get(upstreamUrl);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl target = upstream.newBuilder().encodedPath(request.getRequestUrl().encodedPath())
        .encodedQuery(request.getRequestUrl().encodedQuery()).build();
    Request.Builder forward = new Request.Builder().url(target);
    // only what the terminals' and the office's calls carry (MockWebServer's recorded headers are
    // not all fit to be sent on: Jetty refused some as folded lines)
    for (String name : PASSED_ON) {
      String value = request.getHeader(name);
      if (value != null) {
        forward.header(name, value.strip());
      }
    }
    byte[] body = request.getBody().readByteArray();
    String type = request.getHeader("Content-Type");
    forward.method(request.getMethod(), body.length > 0 || HttpMethod.requiresRequestBody(request.getMethod())
        ? RequestBody.create(body, type == null ? null : MediaType.get(type)) : null);
    try (Response response = client.newCall(forward.build()).execute()) {
      MockResponse answer = new MockResponse().setResponseCode(response.code())
          .setBody(new Buffer().write(response.body().bytes()));
      response.headers().forEach(header -> {
        if (!NOT_PASSED.contains(header.getFirst().toLowerCase(Locale.ROOT))) {
          answer.addHeader(header.getFirst(), header.getSecond());
        }
      });
      return answer;
    } catch (IOException e) {
      return new MockResponse().setResponseCode(502);
    }
  }
}
