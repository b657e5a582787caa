package dev.kassa.server.program;

import dev.kassa.model.loyalty.program.InvalidProgramException;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.ProgramJson;
import dev.kassa.model.loyalty.program.ProgramViolation;
import dev.kassa.server.Services;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.FieldError;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import dev.kassa.server.program.store.ProgramStore;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Loyalty program versions: the office publishes a document, checked by the shared
 * {@code ProgramValidator} (the same rules the terminal's engine relies on), with every violation
 * named by its JSON path. Published versions are immutable and go to the terminals' program feed.
 */
public final class ProgramRoutes {
  private final ProgramStore store;
  private final Clock clock;

  private ProgramRoutes(Services services) {
    this.store = new ProgramStore(services.db());
    this.clock = services.clock();
  }

  public static List<Route> routes(Services services) {
    ProgramRoutes programs = new ProgramRoutes(services);
    return List.of(
        Route.get("/api/v1/admin/programs", Access.OFFICE, programs::list),
        Route.post("/api/v1/admin/programs", Access.OFFICE, programs::publish),
        Route.get("/api/v1/admin/programs/{version}", Access.STORE_MANAGER, programs::document));
  }

  void list(Context ctx) {
    Json.ok(ctx, store.versions());
  }

  void publish(Context ctx) {
    String document = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    LoyaltyProgram program;
    try {
      program = ProgramJson.readValid(document);
    } catch (InvalidProgramException e) {
      throw ApiException.invalid("the program is not valid; nothing was published", e.violations().stream()
          .map(ProgramRoutes::fieldError).toList());
    }
    if (program.version() <= 0) {
      throw ApiException.badRequest("version", "version must be positive");
    }
    if (!store.publish(program.version(), document, Principal.user(ctx).username(), clock.millis())) {
      throw ApiException.conflict("version", "version " + program.version()
          + " is not above the latest published version; publish a new version instead");
    }
    Json.respond(ctx, 201, Map.of("version", program.version()));
  }

  void document(Context ctx) {
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("version", "not a version number");
    }
    String document = store.document(version)
        .orElseThrow(() -> ApiException.notFound("no program version " + version));
    ctx.contentType("application/json").result(document);
  }

  private static FieldError fieldError(ProgramViolation violation) {
    return new FieldError(violation.path(), violation.message());
  }
}
