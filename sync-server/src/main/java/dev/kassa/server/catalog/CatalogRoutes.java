package dev.kassa.server.catalog;

import dev.kassa.model.catalog.Category;
import dev.kassa.model.catalog.VatRate;
import dev.kassa.server.Services;
import dev.kassa.server.catalog.store.CatalogStore;
import dev.kassa.server.http.Access;
import dev.kassa.server.http.ApiException;
import dev.kassa.server.http.Json;
import dev.kassa.server.http.Route;
import io.javalin.http.Context;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The central catalog: VAT rates and categories as JSON, products as a CSV import, and a product
 * taken out by its SKU. Every write is all-or-nothing and lands in the catalog feed the terminals
 * pull (a product taken out as a tombstone).
 */
public final class CatalogRoutes {
  private final CatalogStore store;
  private final Clock clock;
  private final long maxCsvBytes;

  private CatalogRoutes(Services services) {
    this.store = new CatalogStore(services.db());
    this.clock = services.clock();
    this.maxCsvBytes = services.config().maxUploadBytes();
  }

  public static List<Route> routes(Services services) {
    CatalogRoutes catalog = new CatalogRoutes(services);
    return List.of(
        Route.post("/api/v1/admin/catalog/vat-rates", Access.ADMIN, catalog::vatRates),
        Route.post("/api/v1/admin/catalog/categories", Access.ADMIN, catalog::categories),
        Route.post("/api/v1/admin/catalog/import", Access.ADMIN, catalog::importCsv),
        Route.get("/api/v1/admin/catalog/products/{sku}", Access.STORE_MANAGER, catalog::product),
        Route.delete("/api/v1/admin/catalog/products/{sku}", Access.ADMIN, catalog::deleteProduct));
  }

  void vatRates(Context ctx) {
    List<VatRate> rates = Json.list(ctx, VatRate.class);
    Json.ok(ctx, Map.of("received", rates.size(), "changed", store.upsertVatRates(rates, clock.millis())));
  }

  void categories(Context ctx) {
    List<Category> categories = Json.list(ctx, Category.class);
    try {
      Json.ok(ctx, Map.of("received", categories.size(),
          "changed", store.upsertCategories(categories, clock.millis())));
    } catch (ImportRejectedException e) {
      throw ApiException.invalid("categories rejected; nothing was stored", e.errors());
    }
  }

  void importCsv(Context ctx) {
    Currency currency = currency(ctx.queryParam("currency"));
    String csv = utf8(Json.rawBody(ctx, maxCsvBytes));
    try {
      List<ImportRow> rows = CatalogCsvParser.parse(csv, currency);
      CatalogStore.ImportResult result = store.importProducts(rows, clock.millis());
      Json.ok(ctx, Map.of("rows", result.rows(), "changed", result.changed()));
    } catch (ImportRejectedException e) {
      throw ApiException.invalid("catalog import rejected; nothing was stored", e.errors());
    }
  }

  void product(Context ctx) {
    Json.ok(ctx, store.product(ctx.pathParam("sku"))
        .orElseThrow(() -> ApiException.notFound("no product " + ctx.pathParam("sku"))));
  }

  void deleteProduct(Context ctx) {
    if (!store.deleteProduct(ctx.pathParam("sku"))) {
      throw ApiException.notFound("no product " + ctx.pathParam("sku"));
    }
    ctx.status(204);
  }

  /** The given currency, else the one currency all stores use. */
  private Currency currency(String code) {
    if (code == null) {
      Set<String> currencies = store.storeCurrencies();
      if (currencies.size() != 1) {
        throw ApiException.badRequest("currency", "give ?currency=: the stores use " + currencies.size()
            + " currencies");
      }
      code = currencies.iterator().next();
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("currency", "not an ISO 4217 currency code");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest(null, "the CSV is not UTF-8");
    }
  }
}
