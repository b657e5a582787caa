package dev.kassa.server.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.sale.Sale;
import dev.kassa.server.store.Database;
import dev.kassa.server.sync.Events;
import dev.kassa.server.sync.store.SaleStore;
import dev.kassa.server.sync.store.Sql;
import dev.kassa.server.testing.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spend and first purchase read from hourly totals plus the hours at the window's ends equal
 * the plain sums over every sale, on random sales around the window's ends and within hours, some
 * already in the hourly totals and some still pending in the merging batch.
 */
class CardHistoryTest {
  private static final Instant NOW = Events.T0;
  private static final Duration YEAR = Duration.ofDays(365);

  @ParameterizedTest
  @CsvSource({"SQLITE, 1", "SQLITE, 2", "POSTGRESQL, 3"})
  void spendAndFirstPurchaseMatchThePlainSumsOverAllSales(Engine engine, long seed) {
    Random random = new Random(seed);
    Events till = new Events("store-1", "till-1");
    List<Sale> all = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String card = "card-" + random.nextInt(3);
      Instant base = switch (random.nextInt(3)) {
        case 0 -> NOW.minus(YEAR);
        case 1 -> NOW;
        default -> NOW.minus(Duration.ofDays(random.nextInt(400)));
      };
      Instant at = base.plusMillis(random.nextLong(-7_200_000, 7_200_000));
      all.add(at(at, (Sale) till.sale(card, 10).payload()));
    }
    List<Sale> merged = all.subList(0, 80);
    List<Sale> pending = all.subList(80, all.size());
    try (Database db = engine.openDatabase()) {
      db.inTransaction(c -> {
        List<SaleStore.Row> rows = all.stream().map(s -> new SaleStore.Row(UUID.randomUUID(), s)).toList();
        new SaleStore().insert(c, rows, Sql.IfStored.SKIP);
        SpendStore.add(c, merged);

        CardHistory before = CardHistory.before(c, pending);
        for (Sale sale : pending) {
          CardState state = before.stateBefore(sale);
          assertThat(state.spend().minor()).as("spend before %s", sale.createdAt())
              .isEqualTo(spend(all, sale.loyalty().cardNumber(), sale.createdAt().minus(YEAR), sale.createdAt(),
                  sale.id()));
          assertThat(state.firstPurchaseAt()).isEqualTo(first(all, sale.loyalty().cardNumber(), sale.createdAt()));
        }
        // where only the band the spend falls in matters, the spend read lies in the exact one's band; with
        // wide bands the hourly totals alone settle some sales (their spend read is then not the exact one)
        for (long band : new long[] {1_000, 1_000_000}) {
          CardHistory banded = CardHistory.before(c, pending, (sale, low, high) -> low / band == high / band);
          boolean settledByTotals = false;
          for (Sale sale : pending) {
            long exact = spend(all, sale.loyalty().cardNumber(), sale.createdAt().minus(YEAR), sale.createdAt(),
                sale.id());
            long read = banded.stateBefore(sale).spend().minor();
            assertThat(read / band).as("band %d of the spend before %s", band, sale.createdAt())
                .isEqualTo(exact / band);
            assertThat(banded.stateBefore(sale).firstPurchaseAt())
                .isEqualTo(first(all, sale.loyalty().cardNumber(), sale.createdAt()));
            settledByTotals |= read != exact;
          }
          assertThat(settledByTotals).as("band %d: some sale settled by the hourly totals", band)
              .isEqualTo(band == 1_000_000);
        }
        // the publisher reads a card once all its sales are in the hourly totals
        SpendStore.add(c, pending);
        CardHistory asOf = CardHistory.asOf(c, List.of("card-0", "card-1", "card-2", "card-9"), java.util.Map.of(), NOW);
        for (String card : List.of("card-0", "card-1", "card-2", "card-9")) {
          assertThat(asOf.spendSinceYearBefore(card)).as(card)
              .isEqualTo(spend(all, card, NOW.minus(YEAR), Instant.MAX, null));
          assertThat(asOf.firstPurchase(card)).isEqualTo(first(all, card, Instant.MAX));
        }
        return null;
      });
    }
  }

  private static long spend(List<Sale> sales, String card, Instant from, Instant until, UUID except) {
    return sales.stream().filter(s -> s.loyalty().cardNumber().equals(card) && !s.id().equals(except)
            && !s.createdAt().isBefore(from) && s.createdAt().isBefore(until))
        .mapToLong(s -> s.total().minor()).sum();
  }

  private static Instant first(List<Sale> sales, String card, Instant before) {
    return sales.stream().filter(s -> s.loyalty().cardNumber().equals(card) && s.createdAt().isBefore(before))
        .map(Sale::createdAt).min(Instant::compareTo).orElse(null);
  }

  private static Sale at(Instant at, Sale s) {
    return new Sale(s.id(), s.storeId(), s.terminalId(), s.shiftId(), s.receiptNo(), s.cashierId(), at, s.lines(),
        s.total(), s.payments(), s.loyalty());
  }
}
