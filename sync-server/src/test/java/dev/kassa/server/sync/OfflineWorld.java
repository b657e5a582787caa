package dev.kassa.server.sync;

import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.ReturnLine;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.shift.CashMovement;
import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftOpened;
import dev.kassa.model.shift.ShiftTotals;
import dev.kassa.model.sync.SyncEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Three terminals' offline work on shared cards, the same shape for a given seed: a shift opened
 * and closed around sales earning points, sales redeeming points, redemptions that overspend,
 * returns and voids that reverse what a sale earned, sales whose claimed points the server's
 * recompute disagrees with, cash movements and enrolments (a phone enrolled on several tills).
 */
final class OfflineWorld {
  private static final Money ZERO = Money.ofMinor(0, "RUB");

  /** A sale that earned points, while it may still be returned or voided. */
  private record Earned(UUID saleId, UUID earnEntry, String card, long points, long at) {}

  private OfflineWorld() {}

  static Map<Events, List<SyncEvent>> of(long seed) {
    Random random = new Random(seed);
    Map<Events, List<SyncEvent>> world = new LinkedHashMap<>();
    for (int t = 1; t <= 3; t++) {
      Events terminal = new Events("store-" + (t == 3 ? 2 : 1), "till-" + t);
      List<SyncEvent> events = new ArrayList<>();
      List<Earned> earned = new ArrayList<>();
      events.add(shiftOpened(terminal));
      for (int i = 0; i < 40; i++) {
        String card = "card-" + random.nextInt(6);
        long at = random.nextInt(100_000);
        switch (random.nextInt(10)) {
          case 0, 1, 2 -> {
            long points = 1 + random.nextInt(50);
            SyncEvent sale = terminal.sale(card, points);
            SyncEvent earn = terminal.entry(card, EntryType.EARN, points, at, sale.id());
            events.add(sale);
            events.add(earn);
            earned.add(new Earned(sale.id(), ((LedgerEntry) earn.payload()).id(), card, points, at));
          }
          case 3 -> events.add(terminal.entry(card, EntryType.REDEEM, -1 - random.nextInt(60), at, UUID.randomUUID()));
          case 4 -> {
            long redeemed = 1 + random.nextInt(40);
            SyncEvent sale = terminal.sale(card, 5, redeemed, null);
            events.add(sale);
            events.add(terminal.entry(card, EntryType.EARN, 5, at, sale.id()));
            events.add(terminal.entry(card, EntryType.REDEEM, -redeemed, at, sale.id()));
          }
          case 5 -> {
            if (!earned.isEmpty()) {
              Earned sold = earned.remove(random.nextInt(earned.size()));
              events.addAll(random.nextBoolean() ? returned(terminal, sold, 1 + random.nextInt((int) sold.points()))
                  : voided(terminal, sold));
            }
          }
          case 6 -> {
            long points = 1 + random.nextInt(30);
            SyncEvent sale = terminal.saleClaiming(card, points, points + 1 + random.nextInt(20));
            events.add(sale);
            events.add(terminal.entry(card, EntryType.EARN, points, at, sale.id()));
          }
          case 7 -> events.add(cash(terminal, 100 + random.nextInt(5_000), at));
          default -> events.add(terminal.enrol("new-" + t + "-" + i, "+7900000000" + random.nextInt(4), at));
        }
      }
      events.add(shiftClosed(terminal));
      world.put(terminal, events);
    }
    return world;
  }

  /** A return of part of a sale's points: the fiscal return and the REVERSE of that part of its EARN. */
  private static List<SyncEvent> returned(Events terminal, Earned sold, long points) {
    UUID id = UUID.randomUUID();
    Money refund = Money.ofMinor(10_005, "RUB");
    SaleReturn saleReturn = new SaleReturn(id, sold.saleId(), terminal.storeId(), terminal.terminalId(),
        terminal.shift(), 1_000 + Math.abs(id.getLeastSignificantBits() % 1_000), "cashier-1", "manager-1",
        Events.T0.plusMillis(sold.at() + 1), List.of(new ReturnLine(5, Quantity.pieces(1), refund, points)), refund,
        List.of(Payment.cash(refund, refund)), sold.card(), points, 0, "customer changed mind");
    return List.of(terminal.fiscal(id, saleReturn), reverse(terminal, sold, points, id));
  }

  /** A void of a whole sale: the fiscal void and the REVERSE of all it earned. */
  private static List<SyncEvent> voided(Events terminal, Earned sold) {
    UUID id = UUID.randomUUID();
    SaleVoid saleVoid = new SaleVoid(id, sold.saleId(), terminal.storeId(), terminal.terminalId(), terminal.shift(),
        "cashier-1", "manager-1", Events.T0.plusMillis(sold.at() + 1), "scanned twice");
    return List.of(terminal.fiscal(id, saleVoid), reverse(terminal, sold, sold.points(), id));
  }

  private static SyncEvent reverse(Events terminal, Earned sold, long points, UUID by) {
    long at = sold.at() + 1;
    LedgerEntry entry = new LedgerEntry(UUID.randomUUID(), sold.card(), EntryType.REVERSE, -points,
        Events.T0.plusMillis(at), Events.hlc(at), terminal.storeId(), terminal.terminalId(), by, sold.earnEntry(),
        null, "reversed by " + by);
    return new SyncEvent(UUID.randomUUID(), Events.hlc(at), Events.T0.plusMillis(at), terminal.storeId(),
        terminal.terminalId(), null, entry);
  }

  private static SyncEvent shiftOpened(Events terminal) {
    ShiftOpened opened = new ShiftOpened(terminal.shift(), terminal.storeId(), terminal.terminalId(), "cashier-1",
        Money.ofMinor(500_000, "RUB"), Events.T0);
    return new SyncEvent(UUID.randomUUID(), Events.hlc(0), Events.T0, terminal.storeId(), terminal.terminalId(), null,
        opened);
  }

  private static SyncEvent shiftClosed(Events terminal) {
    ShiftTotals totals = new ShiftTotals(0, ZERO, 0, ZERO, 0, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO);
    ShiftClosed closed = new ShiftClosed(terminal.shift(), terminal.storeId(), terminal.terminalId(), "manager-1", 1,
        Events.T0.plusMillis(200_000), totals);
    return new SyncEvent(UUID.randomUUID(), Events.hlc(200_000), Events.T0.plusMillis(200_000), terminal.storeId(),
        terminal.terminalId(), null, closed);
  }

  private static SyncEvent cash(Events terminal, long minor, long at) {
    CashMovement movement = new CashMovement(UUID.randomUUID(), terminal.shift(), terminal.storeId(),
        terminal.terminalId(), "cashier-1", Money.ofMinor(minor, "RUB"), "change for the drawer", Events.T0.plusMillis(at));
    return new SyncEvent(UUID.randomUUID(), Events.hlc(at), Events.T0.plusMillis(at), terminal.storeId(),
        terminal.terminalId(), null, movement);
  }
}
