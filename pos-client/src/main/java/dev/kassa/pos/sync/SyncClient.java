package dev.kassa.pos.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.sync.CardBalance;
import dev.kassa.model.sync.EnrollRequest;
import dev.kassa.model.sync.EnrollResponse;
import dev.kassa.model.sync.PullResponse;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncFormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The terminal's side of the sync API: one method per call, each either returning the decoded
 * answer or throwing a {@link SyncFailure} that says what kind of failure it was. Blocking; the
 * {@link SyncAgent} calls it from its own thread, never from the cashier's.
 */
public final class SyncClient {
  static final MediaType JSON = MediaType.get("application/json");
  private static final long MAX_ANSWER_BYTES = 64L << 20;
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  private final OkHttpClient http;
  private final HttpUrl base;
  private final Supplier<String> token;

  /** {@code token} is read on every call, so a re-enrolled terminal needs no new client. */
  public SyncClient(OkHttpClient http, HttpUrl base, Supplier<String> token) {
    this.http = requireNonNull(http, "http == null");
    this.base = requireNonNull(base, "base == null");
    this.token = requireNonNull(token, "token == null");
  }

  public EnrollResponse enroll(String code) throws SyncFailure {
    return call(post("api/v1/terminals/enroll", new EnrollRequest(code), false), EnrollResponse.class);
  }

  public PushResponse push(PushRequest batch) throws SyncFailure {
    return call(post("api/v1/sync/push", SyncCodec.canonicalBytes(batch)), PushResponse.class);
  }

  /** The first page of a pull of {@code stream} after {@code cursor}; an empty cursor asks for a snapshot. */
  public PullResponse pull(Stream stream, String cursor, int limit) throws SyncFailure {
    return pull(stream, cursor, limit, false);
  }

  /**
   * One page of {@code stream} after {@code cursor}. {@code continuing}: the page goes on with the
   * pull begun by the page whose answer carried {@code cursor}, so the server need not bring the
   * feed up to date again first (the first page of a pull shows everything committed before it).
   */
  public PullResponse pull(Stream stream, String cursor, int limit, boolean continuing) throws SyncFailure {
    HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v1/sync/pull").addPathSegment(stream.id())
        .addQueryParameter("cursor", cursor == null ? "" : cursor)
        .addQueryParameter("limit", Integer.toString(limit));
    if (continuing) {
      url.addQueryParameter("continued", "true");
    }
    return call(authorised(new Request.Builder().url(url.build()).get()).build(), PullResponse.class);
  }

  public CardBalance balance(String cardNumber) throws SyncFailure {
    HttpUrl url = base.newBuilder().addPathSegments("api/v1/loyalty/cards").addPathSegment(cardNumber)
        .addPathSegment("balance").build();
    return call(authorised(new Request.Builder().url(url).get()).build(), CardBalance.class);
  }

  /** Holds points online; a 409 (not enough available) is a {@link SyncFailure.Rejected}. */
  public Reservation reserve(ReservationRequest request) throws SyncFailure {
    return call(post("api/v1/loyalty/reservations", request, true), Reservation.class);
  }

  public Reservation voidReservation(UUID reservationId) throws SyncFailure {
    return call(post("api/v1/loyalty/reservations/" + reservationId + "/void", new byte[0]), Reservation.class);
  }

  private Request post(String path, Object body, boolean authorised) {
    Request.Builder builder = new Request.Builder().url(base.newBuilder().addPathSegments(path).build())
        .post(RequestBody.create(SyncCodec.canonicalBytes(body), JSON));
    return (authorised ? authorised(builder) : builder).build();
  }

  private Request post(String path, byte[] json) {
    return authorised(new Request.Builder().url(base.newBuilder().addPathSegments(path).build())
        .post(RequestBody.create(json, JSON))).build();
  }

  private Request.Builder authorised(Request.Builder builder) {
    String bearer = token.get();
    return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
  }

  private <T> T call(Request request, Class<T> type) throws SyncFailure {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : readBounded(body);
      int status = response.code();
      if (response.isSuccessful()) {
        try {
          return SyncCodec.fromJson(bytes, type);
        } catch (SyncFormatException e) {
          throw new SyncFailure.BadAnswer(status + " with a body that is not " + type.getSimpleName()
              + " (" + e.getMessage() + ")", e);
        }
      }
      String detail = problemDetail(bytes);
      if (status == 401 || status == 403) {
        throw new SyncFailure.NotAuthorized(status, detail);
      }
      if (status == 410) {
        throw new SyncFailure.CursorExpired(detail);
      }
      if (status == 503 || status == 429) {
        throw new SyncFailure.RetryLater(status, retryAfter(response.header("Retry-After"), serverNow(response)));
      }
      if (status >= 500) {
        throw new SyncFailure.ServerError(status, detail);
      }
      throw new SyncFailure.Rejected(status, detail);
    } catch (IOException e) {
      throw new SyncFailure.Unreachable(e);
    }
  }

  private static byte[] readBounded(ResponseBody body) throws IOException {
    if (body.contentLength() > MAX_ANSWER_BYTES) {
      throw new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
    }
    return body.bytes();
  }

  /** The {@code detail} (or {@code title}) of an RFC 9457 problem body, if the body is one. */
  private static String problemDetail(byte[] body) {
    try {
      JsonNode problem = SyncCodec.mapper().readTree(body);
      if (problem != null && problem.isObject()) {
        JsonNode detail = problem.hasNonNull("detail") ? problem.get("detail") : problem.get("title");
        return detail == null ? null : truncate(detail.asText());
      }
    } catch (IOException e) {
      // not a problem document: garbage from a proxy or a dying server
    }
    return null;
  }

  private static String truncate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  /**
   * The server's idea of now, from its Date header: a Retry-After given as a date is measured
   * against it, so a till whose own clock is hours off still waits as long as the server meant.
   * Without a Date header (a proxy stripped it) the till's clock is the best there is.
   */
  private static Instant serverNow(Response response) {
    Date date = response.headers().getDate("Date");
    return date != null ? date.toInstant() : Instant.now();
  }

  /**
   * Retry-After as RFC 9110 allows it: delta-seconds or an HTTP date, measured from {@code now}.
   * A date already past means at once; anything further than {@link #MAX_RETRY_AFTER} is cut to
   * it (a misconfigured proxy must not park a till for a week); unreadable means absent.
   */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return null;
      }
      if (wait.isNegative()) {
        return Duration.ZERO;
      }
    }
    if (wait.isNegative()) {
      return null;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }
}
