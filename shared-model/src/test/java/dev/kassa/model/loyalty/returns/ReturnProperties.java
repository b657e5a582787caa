package dev.kassa.model.loyalty.returns;

import static dev.kassa.model.loyalty.engine.DemoFixtures.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyArbitraries;
import dev.kassa.model.loyalty.ledger.PointsLedger;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleReturn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReturnProperties {
  private static final ReturnCalculator CALCULATOR = new ReturnCalculator(ENGINE.program());

  /** The sale is returned in up to three random parts; together they undo it exactly. */
  @Property(tries = 300)
  void aSaleFollowedByItsFullReturnLeavesTheBalanceUnchanged(@ForAll("baskets") Basket basket,
      @ForAll("cards") CardState card, @ForAll("moments") Instant at, @ForAll long seed) {
    if (card == null) {
      return;
    }
    Evaluation result = ENGINE.evaluate(card, basket, at);
    Sale sale = SaleFixtures.sale(basket, result, card, at);
    Random random = new Random(seed);

    List<SaleReturn> returns = new ArrayList<>();
    long[] left = new long[sale.lines().size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = sale.lines().get(i).quantity().value();
    }
    for (int part = 0; part < 3; part++) {
      Map<Integer, Quantity> now = new HashMap<>();
      for (int i = 0; i < left.length; i++) {
        SaleLine line = sale.lines().get(i);
        long q = part == 2 ? left[i] : (left[i] == 0 ? 0 : random.nextLong(left[i] + 1));
        if (q > 0) {
          now.put(line.lineNo(), new Quantity(q, line.quantity().unit()));
          left[i] -= q;
        }
      }
      if (!now.isEmpty()) {
        returns.add(SaleFixtures.saleReturn(sale, CALCULATOR.calculate(sale, returns, now)));
      }
    }

    long reversed = 0;
    long restored = 0;
    Money refunded = Money.zero(sale.total().currency());
    for (SaleReturn r : returns) {
      reversed += r.pointsReversed();
      restored += r.pointsRestored();
      refunded = refunded.plus(r.total());
    }
    assertThat(reversed).isEqualTo(result.pointsEarned());
    assertThat(restored).isEqualTo(result.pointsRedeemed());
    assertThat(refunded).isEqualTo(sale.total());

    List<LedgerEntry> entries = new ArrayList<>();
    long t = at.toEpochMilli();
    entries.add(entry(EntryType.ADJUST, 5000, t, null));
    if (result.pointsEarned() > 0) {
      entries.add(entry(EntryType.EARN, result.pointsEarned(), t + 1, null));
    }
    if (result.pointsRedeemed() > 0) {
      entries.add(entry(EntryType.REDEEM, -result.pointsRedeemed(), t + 2, null));
    }
    for (SaleReturn r : returns) {
      if (r.pointsReversed() > 0) {
        entries.add(entry(EntryType.REVERSE, -r.pointsReversed(), t + 3 + entries.size(), UUID.randomUUID()));
      }
      if (r.pointsRestored() > 0) {
        entries.add(entry(EntryType.REVERSE, r.pointsRestored(), t + 3 + entries.size(), UUID.randomUUID()));
      }
    }
    assertThat(PointsLedger.derive(entries, at.plusSeconds(60)).balance()).isEqualTo(5000);
  }

  private static LedgerEntry entry(EntryType type, long points, long millis, UUID reverses) {
    return new LedgerEntry(UUID.randomUUID(), "card", type, points, Instant.ofEpochMilli(millis), Hlc.of(millis, 0),
        "store-1", "till-1", null, reverses, null, type == EntryType.ADJUST ? "opening" : null);
  }

  @Provide
  Arbitrary<Basket> baskets() {
    return LoyaltyArbitraries.baskets();
  }

  @Provide
  Arbitrary<CardState> cards() {
    return LoyaltyArbitraries.cards();
  }

  @Provide
  Arbitrary<Instant> moments() {
    return LoyaltyArbitraries.moments();
  }
}
