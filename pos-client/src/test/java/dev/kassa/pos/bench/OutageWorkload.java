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
import dev.kassa.pos.ledger.JournalChain;
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
 * of the chain's shared loyalty cards, with the EARN entry the engine (demo program) gives and, when
 * this till has seen enough points on the card, a REDEEM entry paid as points, exactly as the
 * checkout builds them; each sale linked into the terminal's journal chain with the ledger's own
 * {@link JournalChain} hash. Cut into push bodies bounded by event count and bytes as the sync agent
 * cuts its outbox. Deterministic for a seed.
 *
 * <p>The events are made here rather than by committing 500 sales through each of 1,000 real
 * ledgers: a ledger commit costs about 4 ms (fsync), 2,000 s for the benchmark's 500,000 sales.
 */
final class OutageWorkload {
  private static final Instant OUTAGE_START = Instant.parse("2026-11-30T08:00:00Z");
  private static final long MAX_BODY_BYTES = 2L << 20;

  /** One terminal's pushes, as bytes on the wire, and what they hold. */
  record TerminalLoad(String storeId, String terminalId, List<byte[]> bodies, int sales, int entries) {}

  private final CompiledProgram program;
  private final LoyaltyEngine engine;
  private final List<String> cards;
  private final int maxEventsPerPush;

  OutageWorkload(LoyaltyProgram program, List<String> cards, int maxEventsPerPush) {
    this.engine = LoyaltyEngine.of(program);
    this.program = engine.program();
    this.cards = cards;
    this.maxEventsPerPush = maxEventsPerPush;
  }

  TerminalLoad terminal(String storeId, String terminalId, int sales, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Money zero = Money.zero(program.currency());
    Map<String, Long> seenPoints = new HashMap<>();
    List<SyncEvent> events = new ArrayList<>();
    UUID shift = new UUID(seed, 0);
    String lastHash = "";
    int entries = 0;
    for (int receipt = 1; receipt <= sales; receipt++) {
      Instant at = OUTAGE_START.plus(Duration.ofSeconds(receipt * 40L + random.nextInt(30)));
      long millis = at.toEpochMilli();
      String card = cards.get(random.nextInt(cards.size()));
      List<BasketLine> lines = new ArrayList<>(5);
      for (int l = 1; l <= 5; l++) {
        lines.add(BasketLine.of(l, "SKU-" + random.nextInt(500), "dairy", Quantity.pieces(1 + random.nextInt(3)),
            Money.ofMinor(5_000 + random.nextInt(50_000), program.currency())));
      }
      long known = seenPoints.getOrDefault(card, 0L);
      Basket basket = Basket.of(program.currency(), lines);
      if (known >= 100 && random.nextInt(3) == 0) {
        basket = basket.redeeming(known);
      }
      CardState state = new CardState(card, known, List.of(), null, zero, known > 0 ? Instant.EPOCH : null, null);
      Evaluation evaluation = engine.evaluate(state, basket, at);
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
      seenPoints.put(card, known - evaluation.pointsRedeemed() + evaluation.pointsEarned());
      Sale sale = sale(storeId, terminalId, shift, receipt, saleId, at, card, basket, evaluation);
      String hash = JournalChain.hash(lastHash, sale);
      events.add(new SyncEvent(saleId, Hlc.of(millis, 0), at, storeId, terminalId,
          new JournalLink(receipt, lastHash, hash), sale));
      lastHash = hash;
      for (LedgerEntry entry : loyalty) {
        events.add(new SyncEvent(entry.id(), entry.hlc(), at, storeId, terminalId, null, entry));
      }
      entries += loyalty.size();
    }
    return new TerminalLoad(storeId, terminalId, bodies(terminalId, events), sales, entries);
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
   * Push bodies of at most {@code maxEventsPerPush} events and about 2 MB, a sale never apart from its
   * entries; the chain head is the journal's last link before the batch, as the outbox reports it.
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
