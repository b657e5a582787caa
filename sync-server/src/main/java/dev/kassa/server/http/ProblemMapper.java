package dev.kassa.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncFormatException;
import dev.kassa.server.store.DataAccessException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become answers: every 4xx and 5xx is an RFC 9457
 * {@code application/problem+json} document naming the field or rule at fault. Unexpected
 * failures are logged with an incident id and answered with that id only, never a stack trace.
 */
public final class ProblemMapper {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "https://kassa.dev/problems/";
  static final long BUSY_RETRY_SECONDS = 2;
  private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  /** {@code maxRequestBytes}: the limit Javalin enforces on bodies, named in its 413. */
  public static void register(RoutesConfig routes, long maxRequestBytes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
    routes.exception(SyncFormatException.class, (e, ctx) -> write(ctx,
        ApiException.badRequest(e.field().isEmpty() ? null : e.field(), e.getMessage())));
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx,
        new ApiException(e.getStatus(), "http-" + e.getStatus(), titleOf(e.getStatus()),
            e.getStatus() == 413 ? tooLarge(maxRequestBytes) : e.getMessage(), null, 0)));
    routes.exception(DataAccessException.class, (e, ctx) -> {
      if (e.isUniqueViolation()) {
        write(ctx, ApiException.conflict(null, "it already exists (created at the same moment by another request)"));
      } else if (e.isBusy()) {
        log.warn("database busy: {} {}: {}", ctx.method(), ctx.path(), e.getCause().getMessage());
        write(ctx, ApiException.unavailable("the database is busy; try again shortly", BUSY_RETRY_SECONDS));
      } else {
        internalError(ctx, e);
      }
    });
    routes.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
    // answers Javalin itself produces (no route, wrong method) also become problems
    for (int status : new int[] {404, 405, 413}) {
      routes.error(status, ctx -> {
        if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
          write(ctx, new ApiException(status, "http-" + status, titleOf(status),
              status == 404 ? "no such resource: " + ctx.method() + " " + ctx.path() : titleOf(status), null, 0));
        }
      });
    }
  }

  /** The detail of every 413 for a body over a limit, Javalin's or an upload's. */
  public static String tooLarge(long maxBytes) {
    return "the body is larger than " + maxBytes + " bytes";
  }

  private static void internalError(Context ctx, Exception e) {
    String incident = UUID.randomUUID().toString();
    log.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
    write(ctx, new ApiException(500, "internal", "Internal server error",
        "unexpected failure; incident " + incident, null, 0));
  }

  /** Writes {@code e} as a problem document with its status (and Retry-After when set). */
  public static void write(Context ctx, ApiException e) {
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    if (e.status() == 413) {
      // the body was not read to its end: the server closes this connection after the answer, and
      // says so, or a client would send its next request on it and see the connection drop
      ctx.header("Connection", "close");
    }
    ctx.status(e.status()).contentType(CONTENT_TYPE).result(json(e));
  }

  /** The problem document of {@code e}. */
  static String json(ApiException e) {
    ObjectNode problem = SyncCodec.mapper().createObjectNode();
    problem.put("type", TYPE_PREFIX + e.type());
    problem.put("title", e.title());
    problem.put("status", e.status());
    if (e.detail() != null) {
      problem.put("detail", e.detail());
    }
    if (e.field() != null) {
      problem.put("field", e.field());
    }
    if (!e.errors().isEmpty()) {
      ArrayNode errors = problem.putArray("errors");
      for (FieldError error : e.errors()) {
        errors.addObject().put("field", error.field()).put("message", error.message());
      }
    }
    return SyncCodec.toJson(problem);
  }

  static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      default -> status >= 500 ? "Server error" : "Request failed";
    };
  }
}
