package dev.kassa.pos.bench;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.JournalLink;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.pos.ledger.CardPosition;
import dev.kassa.pos.checkout.OfflineRedemptionRule;
import dev.kassa.pos.ledger.JournalChain;
import dev.kassa.pos.sync.SyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What one terminal has waiting after an outage: {@code sales} offline sales of 5 lines, each on one
 * of the chain's shared loyalty cards, priced as the till prices them offline: the card as the
 * cards feed showed it when the network went down (balance, 12-month spend, first purchase) plus
 * this till's own offline sales on it; now and then a REDEEM of points this till saw earned on the
 * card, within the program's offline allowance (the bounded-risk rule of the checkout), then the EARN
 * the engine (demo program) gives. Redeeming the feed's balance as well is what a till may do, but
 * with every card visited 250 times in one outage it turns each card into one long overdraft episode
 * that every later push rewrites; the benchmark keeps the redemption rate of its earlier runs. Each sale is linked into the terminal's journal chain with the ledger's own
 * {@link JournalChain} hash. Cut into push bodies bounded by event count and bytes as the sync agent
 * cuts its outbox. Deterministic for a seed.
 *
 * <p>The cards' history before the outage ({@link #history}) is one earlier sale per card, a year's
 * spend drawn between bronze and past gold, pushed before the timed run; so the server's recompute
 * and the till start from the same card and differ only by what other tills sold during the outage.
 *
 * <p>The events are made here rather than by committing 500 sales through each of 1,000 real
 * ledgers: a ledger commit costs about 4 ms (fsync), 2,000 s for the benchmark's 500,000 sales.
 */
final class OutageWorkload {
  private static final Instant OUTAGE_START = Instant.parse("2026-11-30T08:00:00Z");
  private static final long MAX_BODY_BYTES = SyncSettings.defaults().batchMaxBytes();

  /** One terminal's pushes, as bytes on the wire, and what they hold. */
  record TerminalLoad(String storeId, String terminalId, List<byte[]> bodies, int sales, int entries) {}

  /** A card as the cards feed showed it when the network went down. */
  record Known(long balance, long spendMinor, Instant firstPurchaseAt) {}

  /** The sales before the outage and the cards as every till knows them afterwards. */
  record History(TerminalLoad load, Map<String, Known> cards) {}

  /** What one till sold on one card during the outage. */
  private static final class Offline {
    long spend;
    long earned;
    long spent;
    Instant first;
  }

  private final CompiledProgram program;
  private final LoyaltyEngine engine;
  private final List<String> cards;
  private final int maxEventsPerPush;
  private final long offlineAllowance;

  OutageWorkload(LoyaltyProgram program, List<String> cards, int maxEventsPerPush) {
    this.engine = LoyaltyEngine.of(program);
    this.program = engine.program();
    this.cards = cards;
    this.maxEventsPerPush = maxEventsPerPush;
    this.offlineAllowance = program.redemption() == null ? 0 : program.redemption().offlineAllowanceOrZero();
  }

  /** One sale per card a month before the outage, for between 1,000 and 70,000 of the currency. */
  History history(String storeId, String terminalId, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Known> known = new HashMap<>();
    Chain chain = new Chain(storeId, terminalId, seed);
    for (String card : cards) {
      Instant at = OUTAGE_START.minus(Duration.ofDays(30)).plusSeconds(chain.receipt * 10L);
      long unitMinor = (100_000 + random.nextInt(6_900_000)) / 5;
      List<BasketLine> lines = new ArrayList<>(5);
      for (int l = 1; l <= 5; l++) {
        lines.add(BasketLine.of(l, "SKU-H" + l, "grocery", Quantity.pieces(1),
            Money.ofMinor(unitMinor, program.currency())));
      }
      Money zero = Money.zero(program.currency());
      Basket basket = Basket.of(program.currency(), lines);
      Evaluation evaluation = engine.evaluate(new CardState(card, 0, List.of(), null, zero, null, null), basket, at);
      Sale sale = chain.add(card, at, basket, evaluation);
      known.put(card, new Known(evaluation.pointsEarned(), sale.total().minor(), at));
    }
    return new History(chain.load(), known);
  }

  TerminalLoad terminal(String storeId, String terminalId, int sales, long seed, Map<String, Known> feed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Offline> offline = new HashMap<>();
    Chain chain = new Chain(storeId, terminalId, seed);
    for (int receipt = 1; receipt <= sales; receipt++) {
      Instant at = OUTAGE_START.plus(Duration.ofSeconds(receipt * 40L + random.nextInt(30)));
      String card = cards.get(random.nextInt(cards.size()));
      List<BasketLine> lines = new ArrayList<>(5);
      for (int l = 1; l <= 5; l++) {
        lines.add(BasketLine.of(l, "SKU-" + random.nextInt(500), "dairy", Quantity.pieces(1 + random.nextInt(3)),
            Money.ofMinor(5_000 + random.nextInt(50_000), program.currency())));
      }
      Known before = feed.getOrDefault(card, new Known(0, 0, null));
      Offline own = offline.computeIfAbsent(card, k -> new Offline());
      CardPosition position = new CardPosition(card, feed.containsKey(card), before.balance(), own.earned, own.spent,
          before.spendMinor() + own.spend, before.firstPurchaseAt() != null ? before.firstPurchaseAt() : own.first,
          null);
      Basket basket = Basket.of(program.currency(), lines);
      // spends only points this till saw earned: a till spending the feed's balance too would make the 250
      // outage visits of each card an overdraft episode of dozens of redemptions (see the class comment)
      long seen = Math.min(own.earned - own.spent, OfflineRedemptionRule.limit(offlineAllowance, position));
      if (seen >= 100 && random.nextInt(3) == 0) {
        basket = basket.redeeming(seen);
      }
      CardState state = new CardState(card, position.balance(), List.of(), program.tierFor(position.spend12m()),
          Money.ofMinor(position.spend12m(), program.currency()), position.firstPurchaseAt(), null);
      Evaluation evaluation = engine.evaluate(state, basket, at);
      Sale sale = chain.add(card, at, basket, evaluation);
      own.spend += sale.total().minor();
      own.earned += evaluation.pointsEarned();
      own.spent += evaluation.pointsRedeemed();
      own.first = own.first == null ? at : own.first;
    }
    return chain.load();
  }

  /** One till's journal: sales with their loyalty entries, in receipt order, as events. */
  private final class Chain {
    private final String storeId;
    private final String terminalId;
    private final long seed;
    private final UUID shift;
    private final List<SyncEvent> events = new ArrayList<>();
    private String lastHash = "";
    private int receipt = 1;
    private int entries;

    Chain(String storeId, String terminalId, long seed) {
      this.storeId = storeId;
      this.terminalId = terminalId;
      this.seed = seed;
      this.shift = new UUID(seed, 0);
    }

    Sale add(String card, Instant at, Basket basket, Evaluation evaluation) {
      long millis = at.toEpochMilli();
      UUID saleId = new UUID(seed << 20 | receipt, 1);
      List<LedgerEntry> loyalty = new ArrayList<>(2);
      int tick = 1;
      if (evaluation.pointsRedeemed() > 0) {
        loyalty.add(new LedgerEntry(new UUID(seed << 20 | receipt, 2), card, EntryType.REDEEM,
            -evaluation.pointsRedeemed(), at, Hlc.of(millis, tick++), storeId, terminalId, saleId, null, null, null));
      }
      if (evaluation.pointsEarned() > 0) {
        Hlc stamp = Hlc.of(millis, tick);
        Instant expires = program.expiryDays() > 0 ? stamp.instant().plus(Duration.ofDays(program.expiryDays())) : null;
        loyalty.add(new LedgerEntry(new UUID(seed << 20 | receipt, 3), card, EntryType.EARN,
            evaluation.pointsEarned(), at, stamp, storeId, terminalId, saleId, null, expires, null));
      }
      Sale sale = sale(storeId, terminalId, shift, receipt, saleId, at, card, basket, evaluation);
      String hash = JournalChain.hash(lastHash, sale);
      events.add(new SyncEvent(saleId, Hlc.of(millis, 0), at, storeId, terminalId,
          new JournalLink(receipt, lastHash, hash), sale));
      lastHash = hash;
      for (LedgerEntry entry : loyalty) {
        events.add(new SyncEvent(entry.id(), entry.hlc(), at, storeId, terminalId, null, entry));
      }
      entries += loyalty.size();
      receipt++;
      return sale;
    }

    TerminalLoad load() {
      return new TerminalLoad(storeId, terminalId, bodies(terminalId, events), receipt - 1, entries);
    }
  }

  private Sale sale(String storeId, String terminalId, UUID shift, int receipt, UUID saleId, Instant at, String card,
      Basket basket, Evaluation evaluation) {
    List<SaleLine> lines = new ArrayList<>(5);
    Money total = Money.zero(program.currency());
    for (BasketLine line : basket.lines()) {
      var out = evaluation.line(line.lineNo());
      SaleLine saleLine = new SaleLine(line.lineNo(), line.sku(), "4600000000000", "Product " + line.sku(),
          line.categoryId(), line.quantity(), line.unitPrice(), line.amount(), out.discount(), "VAT10", 1000,
          out.points(), line.flags());
      lines.add(saleLine);
      total = total.plus(saleLine.net());
    }
    List<Payment> payments = new ArrayList<>(2);
    Money rest = total;
    if (evaluation.pointsRedeemed() > 0) {
      payments.add(Payment.of(PaymentMethod.POINTS, evaluation.redeemedValue(), null));
      rest = total.minus(evaluation.redeemedValue());
    }
    if (rest.isPositive()) {
      payments.add(Payment.cash(rest, rest));
    }
    return new Sale(saleId, storeId, terminalId, shift, receipt, "cashier-1", at, lines, total, payments,
        new SaleLoyalty(card, program.version(), evaluation.tierId(), evaluation.pointsEarned(),
            evaluation.pointsRedeemed(), evaluation.redeemedValue(), null, true, List.of()));
  }

  /**
   * Push bodies of at most {@code maxEventsPerPush} events and about the agent's bytes, a sale never
   * apart from its entries; the chain head is the journal's last link before the batch, as the outbox reports it.
   */
  private List<byte[]> bodies(String terminalId, List<SyncEvent> events) {
    List<byte[]> bodies = new ArrayList<>();
    List<SyncEvent> batch = new ArrayList<>();
    ChainHead head = new ChainHead(0, "");
    ChainHead batchHead = head;
    long bytes = 0;
    for (SyncEvent event : events) {
      long size = SyncCodec.canonicalBytes(event).length;
      if (event.journal() != null && !batch.isEmpty()
          && (batch.size() + 3 > maxEventsPerPush || bytes + size * 2 > MAX_BODY_BYTES)) {
        bodies.add(body(terminalId, batchHead, batch));
        batch = new ArrayList<>();
        batchHead = head;
        bytes = 0;
      }
      batch.add(event);
      bytes += size;
      if (event.journal() != null) {
        head = new ChainHead(event.journal().seq(), event.journal().hash());
      }
    }
    if (!batch.isEmpty()) {
      bodies.add(body(terminalId, batchHead, batch));
    }
    return bodies;
  }

  private static byte[] body(String terminalId, ChainHead head, List<SyncEvent> batch) {
    return SyncCodec.canonicalBytes(new PushRequest(SyncCodec.PROTOCOL_VERSION, UUID.randomUUID(), terminalId, head,
        batch));
  }
}
