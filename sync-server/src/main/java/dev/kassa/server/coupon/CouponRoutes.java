package dev.kassa.server.coupon;

import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.id.UuidV7;
import dev.kassa.model.loyalty.certificate.CertificateRejectedException;
import dev.kassa.model.loyalty.certificate.GiftCertificate;
import dev.kassa.model.loyalty.certificate.GiftCertificates;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.loyalty.program.CouponDefinition;
import dev.kassa.model.loyalty.program.CouponKind;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.ProgramJson;
import dev.kassa.server.Services;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.coupon.store.CouponStore;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import dev.kassa.server.program.ProgramSummary;
import dev.kassa.server.program.store.ProgramStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The office's coupons and gift certificates: single-use codes issued in batches for a coupon of the
 * current program, certificates registered as sold (checked against the program's certificate policy)
 * and blocked when reported lost. Each lands in the terminals' coupons feed.
 */
public final class CouponRoutes {
  private final CouponStore store;
  private final ProgramStore programs;
  private final Clock clock;
  private final LoyaltyCardFormat cardFormat = LoyaltyCardFormat.standard();

  private CouponRoutes(Services services) {
    this.store = new CouponStore(services.db());
    this.programs = new ProgramStore(services.db());
    this.clock = services.clock();
  }

  public static List<Route> routes(Services services) {
    CouponRoutes coupons = new CouponRoutes(services);
    return List.of(
        Route.post("/api/v1/admin/coupons/batches", Access.OFFICE, coupons::issueBatch),
        Route.get("/api/v1/admin/coupons/{code}", Access.OFFICE, coupons::coupon),
        Route.post("/api/v1/admin/certificates", Access.OFFICE, coupons::sell),
        Route.get("/api/v1/admin/certificates/{code}", Access.OFFICE, coupons::certificate),
        Route.post("/api/v1/admin/certificates/{code}/block", Access.OFFICE, coupons::block));
  }

  void issueBatch(Context ctx) {
    CouponBatchRequest request = Json.body(ctx, CouponBatchRequest.class);
    LoyaltyProgram program = currentProgram("definitionId");
    CouponDefinition definition = program.coupons().stream().filter(c -> c.id().equals(request.definitionId()))
        .findFirst().orElseThrow(() -> ApiException.badRequest("definitionId",
            "no coupon of that id in program version " + program.version()));
    if (definition.kind() != CouponKind.SINGLE_USE) {
      throw ApiException.badRequest("definitionId", "coupon " + definition.id() + " is " + definition.kind()
          + ": only SINGLE_USE coupons get codes issued");
    }
    if (request.cardNumber() != null && cardFormat.validate(request.cardNumber()) instanceof CodeResult.Invalid<String> bad) {
      throw ApiException.badRequest("cardNumber", bad.message());
    }
    Instant now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw ApiException.badRequest("expiresAt", "expiresAt is not in the future");
    }
    String batchId = (request.batchId() == null ? UuidV7.next() : request.batchId()).toString();
    List<String> codes = request.codes().isEmpty() ? new ArrayList<>(CouponCodes.random(request.size())) : request.codes();
    List<IssuedCoupon> coupons = codes.stream().map(code -> new IssuedCoupon(code, definition.id(),
        request.cardNumber(), now, request.expiresAt(), null)).toList();
    CouponStore.Issued issued = store.issueBatch(batchId, definition.id(), program.version(), coupons,
        Principal.user(ctx).username(), now.toEpochMilli());
    if (issued instanceof CouponStore.Issued.New created) {
      Json.respond(ctx, 201, created.batch());
    } else if (issued instanceof CouponStore.Issued.Again again) {
      Json.ok(ctx, again.batch());
    } else if (issued instanceof CouponStore.Issued.CodesTaken taken) {
      throw ApiException.conflict("codes", taken.codes().size() + " of the codes were issued before, first "
          + taken.codes().get(0));
    } else {
      throw ApiException.conflict("batchId", "batch " + batchId + " was issued for another coupon or count");
    }
  }

  void coupon(Context ctx) {
    String code = code(ctx);
    Json.ok(ctx, store.coupon(code).orElseThrow(() -> ApiException.notFound("no coupon " + code)));
  }

  void sell(Context ctx) {
    CertificateRequest request = Json.body(ctx, CertificateRequest.class);
    LoyaltyProgram program = currentProgram("value");
    GiftCertificate sold;
    try {
      sold = GiftCertificates.sell(program, request.code(), request.value(), clock.instant());
    } catch (CertificateRejectedException e) {
      throw ApiException.badRequest("value", e.getMessage());
    }
    GiftCertificate stored = store.sell(sold, program.giftCertificates().allowsPartialUse(),
        Principal.user(ctx).username());
    // the store answers the very certificate given when it sold it now, else the one sold before
    if (stored == sold) {
      Json.respond(ctx, 201, stored);
    } else if (stored.initial().equals(sold.initial())) {
      Json.ok(ctx, stored);
    } else {
      throw ApiException.conflict("code", "certificate " + request.code() + " was sold with another value");
    }
  }

  void certificate(Context ctx) {
    String code = code(ctx);
    Json.ok(ctx, store.certificate(code).orElseThrow(() -> ApiException.notFound("no certificate " + code)));
  }

  void block(Context ctx) {
    String code = code(ctx);
    Json.ok(ctx, store.block(code).orElseThrow(() -> ApiException.notFound("no certificate " + code)));
  }

  private static String code(Context ctx) {
    String code = CouponCodes.normal(ctx.pathParam("code"));
    if (!CouponCodes.valid(code)) {
      throw ApiException.badRequest("code", "a code is 4-32 letters, digits or '-'");
    }
    return code;
  }

  /** The latest published program version: the one tills are moving to. */
  private LoyaltyProgram currentProgram(String field) {
    List<ProgramSummary> versions = programs.versions();
    if (versions.isEmpty()) {
      throw ApiException.badRequest(field, "no loyalty program is published yet");
    }
    int latest = versions.get(versions.size() - 1).version();
    return ProgramJson.read(programs.document(latest).orElseThrow());
  }
}
