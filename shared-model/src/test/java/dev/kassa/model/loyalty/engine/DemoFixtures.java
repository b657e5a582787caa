package dev.kassa.model.loyalty.engine;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A few products and cards against the demo program, for readable tables of cases. */
public final class DemoFixtures {
  public static final Currency RUB = Currency.getInstance("RUB");
  public static final LoyaltyEngine ENGINE = LoyaltyEngine.of(DemoProgram.load());

  private DemoFixtures() {}

  public static Money rub(long kopecks) {
    return Money.ofMinor(kopecks, RUB);
  }

  /** {@code "milk*2 bread apples@734"}: SKU, then *pieces or @grams (one piece when neither). */
  public static Basket basket(String spec) {
    List<BasketLine> lines = new ArrayList<>();
    if (!spec.isBlank()) {
      for (String item : spec.trim().split("\\s+")) {
        lines.add(line(lines.size() + 1, item));
      }
    }
    return Basket.of(RUB, lines);
  }

  public static BasketLine line(int lineNo, String item) {
    String sku = item.split("[*@]")[0];
    Quantity quantity = item.contains("*") ? Quantity.pieces(Long.parseLong(item.substring(item.indexOf('*') + 1)))
        : item.contains("@") ? Quantity.grams(Long.parseLong(item.substring(item.indexOf('@') + 1)))
        : Quantity.pieces(1);
    return switch (sku) {
      case "milk" -> BasketLine.of(lineNo, "milk", "dairy", quantity, rub(8990));
      case "kefir" -> BasketLine.of(lineNo, "kefir", "dairy", quantity, rub(7450));
      case "bread" -> BasketLine.of(lineNo, "bread", "bakery", quantity, rub(4500));
      case "coffee" -> BasketLine.of(lineNo, "coffee", "tea-coffee", quantity, rub(49900));
      case "wine" -> BasketLine.of(lineNo, "wine", "alcohol", quantity, rub(79900));
      case "cigarettes" -> BasketLine.of(lineNo, "cigarettes", "tobacco", quantity, rub(20000),
          ProductFlag.NO_ACCRUAL, ProductFlag.NO_DISCOUNT, ProductFlag.NO_REDEMPTION);
      case "apples" -> BasketLine.of(lineNo, "apples", "fruit-veg", quantity, rub(12990));
      case "caviar" -> BasketLine.of(lineNo, "caviar", "fish", quantity, rub(350000), ProductFlag.NO_DISCOUNT);
      default -> throw new IllegalArgumentException("no fixture product " + sku);
    };
  }

  /**
   * none: no card; new: never bought; bronze/silver/gold by 12-month spend with 1000 points;
   * poor: bronze with 50 points; birthday: bronze born 12 June.
   */
  public static CardState card(String name) {
    Instant bought = Instant.parse("2025-01-10T10:00:00Z");
    return switch (name) {
      case "none" -> null;
      case "new" -> CardState.fresh("2000000000015", rub(0), null);
      case "bronze" -> new CardState("2000000000022", 1000, List.of(), "bronze", rub(500_000), bought, null);
      case "silver" -> new CardState("2000000000039", 1000, List.of(), "silver", rub(2_000_000), bought, null);
      case "gold" -> new CardState("2000000000046", 1000, List.of(), "gold", rub(6_000_000), bought, null);
      case "poor" -> new CardState("2000000000053", 50, List.of(), "bronze", rub(500_000), bought, null);
      case "birthday" -> new CardState("2000000000060", 1000, List.of(), "bronze", rub(500_000), bought,
          LocalDate.of(1990, 6, 12));
      default -> throw new IllegalArgumentException("no fixture card " + name);
    };
  }
}
