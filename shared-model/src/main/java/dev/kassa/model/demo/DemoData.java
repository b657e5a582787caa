package dev.kassa.model.demo;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.catalog.Category;
import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.VatRate;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo store's whole world, generated from a seed so the repository carries word lists, not
 * data files: the store, its two terminals, over 500 grocery products in Russian and English, 50 loyalty
 * cards, and the staff of {@link DemoStaff}. The same seed gives the same data on every machine
 * ({@link Random} is specified bit for bit); only the birthdays of a few cards are placed relative
 * to {@code today}, so a birthday campaign always has someone to greet this week.
 *
 * <p>Weighed products ({@code soldByWeight}, priced per kilogram) carry one barcode: their scale
 * label with weight zero under prefix {@value #WEIGHT_PREFIX} of
 * {@link dev.kassa.model.code.VariableMeasureLayout#russia()}, so decoding it gives the PLU item
 * code, the key a scanned label with a real weight is matched by.
 *
 * <h2>Catalog CSV ({@link #catalogCsv()}), the sync server's catalog import format</h2>
 * UTF-8, RFC 4180 (a field holding a comma, quote or line break is double-quoted, quotes doubled),
 * LF line ends, this header first:
 * <pre>sku,barcodes,name_ru,name_en,category,price_minor,vat_rate,sold_by_weight,flags</pre>
 * <ul>
 *   <li>{@code sku} — unique product id;
 *   <li>{@code barcodes} — EAN-13 codes separated by {@code |}, may be empty;
 *   <li>{@code name_ru}, {@code name_en} — names per language;
 *   <li>{@code category} — a category id of {@link #categories()};
 *   <li>{@code price_minor} — shelf price incl. VAT in minor units of the store currency (kopecks),
 *       per piece, or per kilogram when sold by weight;
 *   <li>{@code vat_rate} — a code of {@link #vatRates()} ({@code STANDARD}, {@code REDUCED});
 *   <li>{@code sold_by_weight} — {@code true} or {@code false};
 *   <li>{@code flags} — {@link dev.kassa.model.catalog.ProductFlag} names separated by {@code |},
 *       may be empty.
 * </ul>
 */
public record DemoData(
    DemoStore store,
    DemoTerminals terminals,
    List<Category> categories,
    List<VatRate> vatRates,
    List<Product> products,
    Map<String, String> pluBySku,
    List<DemoCard> cards,
    List<DemoStaff.Member> staff) {

  /** The seed {@link #standard()} uses; changing it changes every demo. */
  public static final long STANDARD_SEED = 20_260_101L;
  public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  /** The weight prefix of {@link dev.kassa.model.code.VariableMeasureLayout#russia()} the demo scales print. */
  public static final int WEIGHT_PREFIX = 22;
  public static final String VAT_STANDARD = "STANDARD";
  public static final String VAT_REDUCED = "REDUCED";

  public DemoData {
    requireNonNull(store, "store == null");
    requireNonNull(terminals, "terminals == null");
    categories = List.copyOf(categories);
    vatRates = List.copyOf(vatRates);
    products = List.copyOf(products);
    pluBySku = Map.copyOf(pluBySku);
    cards = List.copyOf(cards);
    staff = List.copyOf(staff);
  }

  /** The demo as {@code ./kassa demo} loads it, birthdays placed around today in Moscow. */
  public static DemoData standard() {
    return generate(STANDARD_SEED);
  }

  public static DemoData generate(long seed) {
    return generate(seed, LocalDate.now(MOSCOW));
  }

  /** Everything is a function of {@code seed}, except the upcoming birthdays, which follow {@code today}. */
  public static DemoData generate(long seed, LocalDate today) {
    requireNonNull(today, "today == null");
    Random random = new Random(seed);
    Currency rub = Currency.getInstance("RUB");
    DemoStore store = new DemoStore(id(seed, "store"), "Продукты на Тверской",
        "Москва, Тверская ул., д. 7", MOSCOW, rub);
    DemoTerminals terminals = new DemoTerminals(List.of(
        new DemoTerminals.Terminal(id(seed, "terminal-1"), "Касса 1", "DEMO-T1"),
        new DemoTerminals.Terminal(id(seed, "terminal-2"), "Касса 2", "DEMO-T2")));
    DemoCatalog catalog = new DemoCatalog(random, rub);
    List<DemoCard> cards = DemoCards.generate(random, today);
    return new DemoData(store, terminals, catalog.categories, russianVatRates(), catalog.products,
        catalog.pluBySku, cards, DemoStaff.members());
  }

  /**
   * The Russian rates as data: the standard rate went from 20% to 22% on 1 January 2026 (Federal
   * Law 425-FZ); the reduced 10% covers basic food and children's goods.
   */
  public static List<VatRate> russianVatRates() {
    return List.of(
        new VatRate(VAT_STANDARD, "НДС основная ставка", List.of(
            new VatRate.Period(LocalDate.of(2019, 1, 1), 2000),
            new VatRate.Period(LocalDate.of(2026, 1, 1), 2200))),
        new VatRate(VAT_REDUCED, "НДС 10%", List.of(
            new VatRate.Period(LocalDate.of(2004, 1, 1), 1000))));
  }

  /** The catalog in the import format described on this class. */
  public String catalogCsv() {
    return CatalogCsv.write(products);
  }

  /** Ids are UUIDs (they fit a uuid column) named after the seed, so they too are reproducible. */
  private static String id(long seed, String what) {
    return UUID.nameUUIDFromBytes(("kassa-demo:" + seed + ":" + what).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
