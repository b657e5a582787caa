package dev.kassa.server.http;

import java.util.List;

/**
 * A failure the client caused or must react to, answered as an RFC 9457 problem by
 * {@link ProblemMapper}. {@code field} names the input at fault (a JSON property, a CSV line and
 * column, a path parameter) when there is one; {@code retryAfterSeconds} is sent as Retry-After
 * when positive.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final String field;
  private final long retryAfterSeconds;
  private final transient List<FieldError> errors;

  public ApiException(int status, String type, String title, String detail, String field, long retryAfterSeconds) {
    this(status, type, title, detail, field, retryAfterSeconds, List.of());
  }

  private ApiException(int status, String type, String title, String detail, String field, long retryAfterSeconds,
      List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
    this.errors = List.copyOf(errors);
  }

  /** A 400 listing every problem found (a CSV file's bad lines, a program's violations). */
  public static ApiException invalid(String detail, List<FieldError> errors) {
    return new ApiException(400, "validation", "Invalid request", detail, null, 0, errors);
  }

  public static ApiException badRequest(String field, String detail) {
    return new ApiException(400, "validation", "Invalid request", detail, field, 0);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Authentication required", detail, null, 0);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Not allowed", detail, null, 0);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail, null, 0);
  }

  public static ApiException conflict(String field, String detail) {
    return new ApiException(409, "conflict", "Conflict", detail, field, 0);
  }

  public static ApiException gone(String detail) {
    return new ApiException(410, "gone", "Gone", detail, null, 0);
  }

  public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ApiException(429, "too-many-requests", "Too many requests", detail, null, retryAfterSeconds);
  }

  public static ApiException unavailable(String detail, long retryAfterSeconds) {
    return new ApiException(503, "unavailable", "Service unavailable", detail, null, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public String field() {
    return field;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
