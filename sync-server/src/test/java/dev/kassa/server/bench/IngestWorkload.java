package dev.kassa.server.bench;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.DemoProgram;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sync.ChainHead;
import dev.kassa.model.sync.JournalLink;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the ingest benchmark pushes: for each terminal, sales of 5 lines on one of many loyalty
 * cards, each followed by its EARN ledger entry, in batches, with the journal chain a real till
 * makes. Points come from the shared engine with the demo program, with each card's history as a
 * till synced in real time would know it, so the server's recompute agrees, except where a card's
 * earlier sale on another terminal is merged after this one (the pushes run concurrently): the
 * server then sees a first purchase and records its 100-point bonus as a mismatch, a few hundred
 * sales a run, as it should. Deterministic for a seed.
 */
final class IngestWorkload {
  static final LoyaltyProgram PROGRAM = DemoProgram.load();
  private static final LoyaltyEngine ENGINE = LoyaltyEngine.of(PROGRAM);
  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

  /** One terminal's batches: the decoded events (for the raw baseline) and the bytes the terminal sends. */
  record TerminalLoad(String storeId, String terminalId, List<List<SyncEvent>> batches, List<byte[]> bodies) {
    int sales() {
      return batches.stream().mapToInt(b -> (int) b.stream().filter(e -> e.payload() instanceof Sale).count()).sum();
    }
  }

  /** What every terminal knew of a card before a sale: the cards' merged history, as a till synced in real time would. */
  static final class Cards {
    private final java.util.Map<String, long[]> spendAndFirst = new java.util.HashMap<>();

    CardState before(String card) {
      long[] known = spendAndFirst.get(card);
      return known == null ? CardState.fresh(card, Money.ofMinor(0, "RUB"), null)
          : new CardState(card, 0, List.of(), null, Money.ofMinor(known[0], "RUB"), Instant.ofEpochMilli(known[1]), null);
    }

    void bought(String card, Money total, Instant at) {
      long[] known = spendAndFirst.computeIfAbsent(card, k -> new long[] {0, at.toEpochMilli()});
      known[0] += total.minor();
    }
  }

  /** The terminals' loads, their sales interleaved in time (terminal t sells at i * 50 ms + t). */
  static List<TerminalLoad> terminals(String storeId, List<String> terminalIds, int salesEach, int salesPerBatch,
      String cardPrefix, int cards, long seed) {
    Cards history = new Cards();
    List<Gen> gens = new ArrayList<>();
    for (int t = 0; t < terminalIds.size(); t++) {
      gens.add(new Gen(storeId, terminalIds.get(t), t, seed + t));
    }
    for (int i = 1; i <= salesEach; i++) {
      for (Gen gen : gens) {
        gen.sale(i, cardPrefix, cards, history, i % salesPerBatch == 0 || i == salesEach);
      }
    }
    return gens.stream().map(Gen::load).toList();
  }

  /** One terminal's generator: its random source, journal chain and batches so far. */
  private static final class Gen {
    final String storeId;
    final String terminalId;
    final int offset;
    final long seed;
    final Random random;
    final List<List<SyncEvent>> batches = new ArrayList<>();
    List<SyncEvent> batch = new ArrayList<>();
    String lastHash = "";
    final UUID shift;

    Gen(String storeId, String terminalId, int offset, long seed) {
      this.storeId = storeId;
      this.terminalId = terminalId;
      this.offset = offset;
      this.seed = seed;
      this.random = new Random(seed);
      this.shift = new UUID(seed, 1);
    }

    TerminalLoad load() {
      List<byte[]> bodies = new ArrayList<>();
      for (List<SyncEvent> b : batches) {
        bodies.add(SyncCodec.canonicalBytes(new PushRequest(SyncCodec.PROTOCOL_VERSION, UUID.randomUUID(), terminalId,
            new ChainHead(0, ""), b)));
      }
      return new TerminalLoad(storeId, terminalId, batches, bodies);
    }

    void sale(int i, String cardPrefix, int cards, Cards history, boolean endOfBatch) {
      String card = cardPrefix + String.format("%012d", random.nextInt(cards));
      Instant at = T0.plusMillis(i * 50L + offset);
      Hlc hlc = Hlc.of(at.toEpochMilli(), 0);
      List<BasketLine> basket = new ArrayList<>();
      for (int l = 1; l <= 5; l++) {
        basket.add(BasketLine.of(l, "SKU-" + random.nextInt(500), "dairy", Quantity.pieces(1 + random.nextInt(3)),
            Money.ofMinor(5_000 + random.nextInt(50_000), "RUB")));
      }
      Evaluation evaluation = ENGINE.evaluate(history.before(card),
          Basket.of(basket.get(0).unitPrice().currency(), basket), at);
      List<SaleLine> lines = new ArrayList<>();
      for (BasketLine line : basket) {
        var out = evaluation.line(line.lineNo());
        lines.add(new SaleLine(line.lineNo(), line.sku(), "4600000000000", "Product " + line.sku(), line.categoryId(),
            line.quantity(), line.unitPrice(), line.amount(), out.discount(), "VAT10", 1000, out.points(), line.flags()));
      }
      UUID saleId = new UUID(seed << 32 | i, 7);
      Money total = evaluation.total();
      history.bought(card, total, at);
      Sale sale = new Sale(saleId, storeId, terminalId, shift, i, "cashier-1", at, lines, total,
          List.of(Payment.cash(total, total)), new SaleLoyalty(card, PROGRAM.version(), evaluation.tierId(),
          evaluation.pointsEarned(), 0, Money.ofMinor(0, "RUB"), null, false, List.of()));
      String hash = sha256(lastHash + new String(SyncCodec.canonicalBytes(sale), StandardCharsets.UTF_8));
      batch.add(new SyncEvent(saleId, hlc, at, storeId, terminalId, new JournalLink(i, lastHash, hash), sale));
      lastHash = hash;
      if (evaluation.pointsEarned() > 0) {
        UUID entryId = new UUID(seed << 32 | i, 8);
        batch.add(new SyncEvent(entryId, Hlc.of(at.toEpochMilli(), 1), at, storeId, terminalId, null,
            new LedgerEntry(entryId, card, EntryType.EARN, evaluation.pointsEarned(), at, Hlc.of(at.toEpochMilli(), 1),
                storeId, terminalId, saleId, null, null, null)));
      }
      if (endOfBatch) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private IngestWorkload() {}
}
