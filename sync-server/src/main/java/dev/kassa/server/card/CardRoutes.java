package dev.kassa.server.card;

import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.id.UuidV7;
import dev.kassa.server.Services;
import dev.kassa.server.auth.Principal;
import dev.kassa.server.card.store.CardStore;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/**
 * Card issuance in batches: consecutive serials, each number with its Luhn check digit in the
 * chain's card format ({@link LoyaltyCardFormat#standard()}), so a card printer gets a range and
 * a mistyped number is caught before it reaches the server.
 */
public final class CardRoutes {
  private final CardStore store;
  private final Clock clock;
  private final LoyaltyCardFormat format = LoyaltyCardFormat.standard();

  private CardRoutes(Services services) {
    this.store = new CardStore(services.db());
    this.clock = services.clock();
  }

  public static List<Route> routes(Services services) {
    CardRoutes cards = new CardRoutes(services);
    return List.of(
        Route.post("/api/v1/admin/cards/batches", Access.OFFICE, cards::issueBatch),
        Route.get("/api/v1/admin/cards/{number}", Access.STORE_MANAGER, cards::card));
  }

  void issueBatch(Context ctx) {
    BatchRequest request = Json.body(ctx, BatchRequest.class);
    String batchId = UuidV7.next().toString();
    List<CardStore.NewCard> cards = store.issueBatch(batchId, request.count(), this::number,
        Principal.user(ctx).username(), clock.millis());
    Json.respond(ctx, 201, new CardBatch(batchId, cards.size(), cards.get(0).number(),
        cards.get(cards.size() - 1).number()));
  }

  void card(Context ctx) {
    String number = ctx.pathParam("number");
    if (format.validate(number) instanceof CodeResult.Invalid<String> invalid) {
      throw ApiException.badRequest("number", invalid.message());
    }
    Json.ok(ctx, store.card(number).orElseThrow(() -> ApiException.notFound("no card " + number)));
  }

  private String number(long serial) {
    CodeResult<String> number = format.generate(serial);
    if (number instanceof CodeResult.Ok<String> ok) {
      return ok.value();
    }
    throw ApiException.conflict(null, "the card format has no serials left: "
        + ((CodeResult.Invalid<String>) number).message());
  }
}
