package dev.kassa.model.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.catalog.Product;
import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.catalog.VatRate;
import dev.kassa.model.code.CodeResult;
import dev.kassa.model.code.Gtin;
import dev.kassa.model.code.GtinFormat;
import dev.kassa.model.code.LoyaltyCardFormat;
import dev.kassa.model.code.MeasureKind;
import dev.kassa.model.code.PhoneNumber;
import dev.kassa.model.code.VariableMeasure;
import dev.kassa.model.code.VariableMeasureLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final DemoData DEMO = DemoData.generate(DemoData.STANDARD_SEED, TODAY);

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() throws Exception {
    DemoData again = DemoData.generate(DemoData.STANDARD_SEED, TODAY);
    DemoData other = DemoData.generate(DemoData.STANDARD_SEED + 1, TODAY);

    assertThat(again).isEqualTo(DEMO);
    assertThat(fingerprint(again)).isEqualTo(fingerprint(DEMO));
    assertThat(fingerprint(other)).isNotEqualTo(fingerprint(DEMO));
  }

  /**
   * Pins the standard catalog across JVMs and machines, so nothing nondeterministic (a HashMap
   * order, the default locale) creeps in. Changing the word lists on purpose changes this hash.
   */
  @Test
  void theStandardCatalogIsTheSameOnEveryMachine() throws Exception {
    assertThat(sha256(DEMO.catalogCsv())).isEqualTo("23f7e17d8f7fcdaa623ff50a167c3fc301f88543469adb18e821f787ab70ddb2");
  }

  @Test
  void hasOneStoreTwoTerminalsAndTheDemoStaff() {
    assertThat(DEMO.store().zone().getId()).isEqualTo("Europe/Moscow");
    assertThat(DEMO.store().currency().getCurrencyCode()).isEqualTo("RUB");
    assertThat(DEMO.terminals().terminals()).extracting(DemoTerminals.Terminal::enrollmentCode)
        .containsExactly("DEMO-T1", "DEMO-T2");
    assertThat(DEMO.terminals().byEnrollmentCode("DEMO-T2")).contains(DEMO.terminals().terminals().get(1));
    assertThat(DEMO.terminals().terminals()).extracting(DemoTerminals.Terminal::id)
        .doesNotHaveDuplicates().doesNotContain(DEMO.store().id());
    assertThat(DEMO.staff()).extracting(DemoStaff.Member::role)
        .containsExactlyInAnyOrder(DemoStaff.Role.CASHIER, DemoStaff.Role.CASHIER, DemoStaff.Role.MANAGER);
  }

  @Test
  void hasAtLeastFiveHundredProductsWithUniqueSkusAndBarcodes() {
    List<String> barcodes = DEMO.products().stream().flatMap(p -> p.barcodes().stream()).toList();

    assertThat(DEMO.products()).hasSizeGreaterThanOrEqualTo(500);
    assertThat(DEMO.products()).extracting(Product::sku).doesNotHaveDuplicates();
    assertThat(barcodes).doesNotHaveDuplicates().hasSizeGreaterThan(DEMO.products().size());
    assertThat(DEMO.products()).allSatisfy(p -> assertThat(p.barcodes()).isNotEmpty());
  }

  @Test
  void everyBarcodeIsAValidEan13() {
    assertThat(DEMO.products()).allSatisfy(product -> assertThat(product.barcodes())
        .allSatisfy(code -> assertThat(Gtin.parse(code, GtinFormat.EAN_13).isOk()).as(code).isTrue()));
  }

  @Test
  void namesAreInRussianAndEnglishAndUnique() {
    assertThat(DEMO.products()).allSatisfy(product -> {
      assertThat(product.names().get("ru")).containsPattern("[А-Яа-яЁё]");
      assertThat(product.names().get("en")).containsPattern("[A-Za-z]").doesNotContainPattern("[А-Яа-яЁё]");
    });
    assertThat(DEMO.products()).extracting(p -> p.names().get("ru")).doesNotHaveDuplicates();
    assertThat(DEMO.products()).extracting(p -> p.names().get("en")).doesNotHaveDuplicates();
    assertThat(DEMO.categories()).allSatisfy(c -> assertThat(c.names()).containsKeys("ru", "en"));
  }

  @Test
  void weighedItemsDecodeBackToTheirPluWithTheRussianLayout() {
    VariableMeasureLayout layout = VariableMeasureLayout.russia();
    List<Product> weighed = DEMO.products().stream().filter(Product::soldByWeight).toList();

    assertThat(weighed).hasSizeGreaterThanOrEqualTo(40);
    assertThat(DEMO.pluBySku()).hasSameSizeAs(weighed);
    assertThat(weighed).allSatisfy(product -> {
      VariableMeasure label = layout.decode(product.barcodes().get(0)).orElseThrow();
      assertThat(product.barcodes()).hasSize(1);
      assertThat(label.itemCode()).isEqualTo(DEMO.pluBySku().get(product.sku()));
      assertThat(label.kind()).isEqualTo(MeasureKind.WEIGHT_GRAMS);
    });
    assertThat(DEMO.products()).filteredOn(p -> !p.soldByWeight())
        .allSatisfy(p -> assertThat(p.barcodes()).noneMatch(layout::claims));
  }

  @Test
  void aScaleLabelWithARealWeightFindsItsProductByPlu() {
    VariableMeasureLayout layout = VariableMeasureLayout.russia();
    Product bananas = DEMO.products().stream().filter(p -> p.names().get("en").equals("Bananas")).findFirst().orElseThrow();
    String plu = DEMO.pluBySku().get(bananas.sku());

    VariableMeasure scanned = layout.decode(layout.encode(22, plu, 1_234).orElseThrow()).orElseThrow();

    assertThat(scanned.itemCode()).isEqualTo(layout.decode(bananas.barcodes().get(0)).orElseThrow().itemCode());
    assertThat(scanned.value()).isEqualTo(1_234);
  }

  @Test
  void tobaccoAndAlcoholAreExcludedFromLoyalty() {
    assertThat(inCategory("tobacco")).isNotEmpty().allSatisfy(p -> assertThat(p.flags())
        .containsExactlyInAnyOrder(ProductFlag.NO_ACCRUAL, ProductFlag.NO_REDEMPTION, ProductFlag.NO_DISCOUNT));
    assertThat(inCategory("alcohol")).isNotEmpty().allSatisfy(p -> assertThat(p.flags()).contains(ProductFlag.NO_ACCRUAL));
    assertThat(inCategory("dairy")).isNotEmpty().allSatisfy(p -> assertThat(p.flags()).isEmpty());
  }

  @Test
  void coversTheCategoriesAndBothVatRates() {
    Set<String> categoryIds = DEMO.categories().stream().map(c -> c.id()).collect(Collectors.toSet());
    Set<String> vatCodes = DEMO.vatRates().stream().map(VatRate::code).collect(Collectors.toSet());

    assertThat(categoryIds).contains("dairy", "bakery", "meat", "fruit-veg", "drinks", "tobacco", "alcohol", "household");
    assertThat(DEMO.products()).allSatisfy(p -> {
      assertThat(categoryIds).contains(p.categoryId());
      assertThat(vatCodes).contains(p.vatCode());
    });
    assertThat(inCategory("dairy")).allSatisfy(p -> assertThat(p.vatCode()).isEqualTo(DemoData.VAT_REDUCED));
    assertThat(inCategory("baby")).allSatisfy(p -> assertThat(p.vatCode()).isEqualTo(DemoData.VAT_REDUCED));
    assertThat(inCategory("drinks")).allSatisfy(p -> assertThat(p.vatCode()).isEqualTo(DemoData.VAT_STANDARD));
    VatRate standard = DEMO.vatRates().get(0);
    assertThat(standard.basisPointsOn(LocalDate.of(2025, 12, 31))).isEqualTo(2000);
    assertThat(standard.basisPointsOn(LocalDate.of(2026, 1, 1))).isEqualTo(2200);
  }

  @Test
  void pricesArePositiveKopecksEndingInNinety() {
    assertThat(DEMO.products()).allSatisfy(p -> {
      assertThat(p.price().currency().getCurrencyCode()).isEqualTo("RUB");
      assertThat(p.price().minor()).isPositive();
      assertThat(p.price().minor() % 100).isEqualTo(90);
    });
  }

  @Test
  void fiftyCardsWithValidNumbersNormalisedPhonesAndOpeningPoints() {
    LoyaltyCardFormat format = LoyaltyCardFormat.standard();

    assertThat(DEMO.cards()).hasSize(50);
    assertThat(DEMO.cards()).extracting(DemoCard::number).doesNotHaveDuplicates()
        .allSatisfy(number -> assertThat(format.validate(number)).isEqualTo(CodeResult.ok(number)));
    assertThat(DEMO.cards()).extracting(DemoCard::phone).doesNotHaveDuplicates()
        .allSatisfy(phone -> assertThat(PhoneNumber.parse(phone, "RU").orElseThrow().e164()).isEqualTo(phone));
    assertThat(DEMO.cards()).extracting(DemoCard::holderName).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).matches("[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+"));
    assertThat(DEMO.cards()).extracting(DemoCard::openingPoints)
        .allSatisfy(points -> assertThat(points).isNotNegative())
        .anySatisfy(points -> assertThat(points).isGreaterThan(10_000));
  }

  @Test
  void aFewBirthdaysFallInTheComingWeek() {
    List<DemoCard> soon = DEMO.cards().stream().filter(card -> birthdayWithinAWeek(card.birthday())).toList();

    assertThat(soon).hasSizeBetween(3, 10);
    assertThat(DEMO.cards()).allSatisfy(card -> assertThat(card.birthday().getYear()).isBetween(1955, 2008));
  }

  @Test
  void catalogCsvHasTheImportHeaderAndOneRowPerProductThatParsesBack() {
    List<List<String>> rows = CsvParser.parse(DEMO.catalogCsv());

    assertThat(rows.get(0)).containsExactly(
        "sku", "barcodes", "name_ru", "name_en", "category", "price_minor", "vat_rate", "sold_by_weight", "flags");
    assertThat(rows).hasSize(DEMO.products().size() + 1);
    for (int i = 0; i < DEMO.products().size(); i++) {
      Product product = DEMO.products().get(i);
      List<String> row = rows.get(i + 1);
      assertThat(row).containsExactly(
          product.sku(), String.join("|", product.barcodes()), product.names().get("ru"), product.names().get("en"),
          product.categoryId(), Long.toString(product.price().minor()), product.vatCode(),
          Boolean.toString(product.soldByWeight()),
          product.flags().stream().map(Enum::name).collect(Collectors.joining("|")));
    }
    assertThat(DEMO.catalogCsv()).contains("\"Молоко 2,5% Зорька 930 мл\"");
  }

  private static List<Product> inCategory(String id) {
    return DEMO.products().stream().filter(p -> p.categoryId().equals(id)).toList();
  }

  private static boolean birthdayWithinAWeek(LocalDate birthday) {
    for (int days = 0; days < 7; days++) {
      if (MonthDay.from(TODAY.plusDays(days)).equals(MonthDay.from(birthday))) {
        return true;
      }
    }
    return false;
  }

  private static String fingerprint(DemoData data) throws Exception {
    StringBuilder text = new StringBuilder(data.catalogCsv());
    text.append(data.store()).append(data.terminals()).append(data.categories()).append(data.vatRates());
    data.cards().forEach(card -> text.append(card).append('\n'));
    data.pluBySku().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> text.append(e).append('\n'));
    return sha256(text.toString());
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
