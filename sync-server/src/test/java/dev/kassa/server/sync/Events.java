package dev.kassa.server.sync;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.Quantity;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sync.EventPayload;
import dev.kassa.model.sync.JournalLink;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds one terminal's events as its ledger would: sales chained in a journal, loyalty entries,
 * enrolments, each with a hybrid-clock stamp. Deterministic for a given seed of ids.
 */
public final class Events {
  public static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final String storeId;
  private final String terminalId;
  private long seq;
  private String lastHash = "";
  private long receipt;
  private long clock;
  private final UUID shift = UUID.randomUUID();

  public Events(String storeId, String terminalId) {
    this.storeId = storeId;
    this.terminalId = terminalId;
  }

  public String storeId() {
    return storeId;
  }

  public String terminalId() {
    return terminalId;
  }

  /** A stamp {@code millis} after T0 (terminals share a timeline in these tests). */
  public static Hlc hlc(long millis) {
    return Hlc.of(T0.toEpochMilli() + millis, 0);
  }

  /** A sale of {@code lines} lines, earning {@code earned} on {@code card} (null: no card). */
  public SyncEvent sale(String card, long earned, long redeemed, String reservationId) {
    return sale(card, earned, earned, redeemed, reservationId);
  }

  /** A sale whose loyalty claims {@code claimed} points while its lines explain {@code earned}: a points mismatch. */
  public SyncEvent saleClaiming(String card, long earned, long claimed) {
    return sale(card, earned, claimed, 0, null);
  }

  /** The shift this terminal's sales belong to. */
  public UUID shift() {
    return shift;
  }

  private SyncEvent sale(String card, long earned, long claimed, long redeemed, String reservationId) {
    UUID id = UUID.randomUUID();
    List<SaleLine> lines = new ArrayList<>();
    long pointsLeft = earned;
    for (int i = 1; i <= 5; i++) {
      long points = i == 5 ? pointsLeft : Math.min(pointsLeft, earned / 5);
      pointsLeft -= points;
      Money price = Money.ofMinor(10_000 + i, "RUB");
      lines.add(new SaleLine(i, "SKU" + i, "460000000000" + i, "Product " + i, "CAT", Quantity.pieces(1), price, price,
          Money.ofMinor(0, "RUB"), "VAT22", 2200, points, Set.of()));
    }
    Money total = Money.ofMinor(lines.stream().mapToLong(l -> l.net().minor()).sum(), "RUB");
    SaleLoyalty loyalty = card == null ? null : new SaleLoyalty(card, 1, "SILVER", claimed, redeemed,
        Money.ofMinor(redeemed * 100, "RUB"), reservationId, reservationId == null && redeemed > 0, List.of());
    Sale sale = new Sale(id, storeId, terminalId, shift, ++receipt, "cashier-1", T0.plusMillis(clock), lines, total,
        List.of(Payment.cash(total, total)), loyalty);
    return fiscal(id, sale);
  }

  /** A one-line sale whose line carries these texts, whatever they are, as a terminal would send them. */
  public SyncEvent saleOf(String sku, String barcode, String name) {
    UUID id = UUID.randomUUID();
    Money price = Money.ofMinor(10_000, "RUB");
    SaleLine line = new SaleLine(1, sku, barcode, name, "CAT", Quantity.pieces(1), price, price,
        Money.ofMinor(0, "RUB"), "VAT22", 2200, 0, Set.of());
    Sale sale = new Sale(id, storeId, terminalId, shift, ++receipt, "cashier-1", T0.plusMillis(clock), List.of(line),
        price, List.of(Payment.cash(price, price)), null);
    return fiscal(id, sale);
  }

  public SyncEvent sale(String card, long earned) {
    return sale(card, earned, 0, null);
  }

  /** An entry's event as the terminal's agent makes it: the entry's own id, times, store and terminal. */
  public SyncEvent entry(String card, EntryType type, long points, long atMillis, UUID saleId) {
    LedgerEntry entry = ledgerEntry(card, type, points, atMillis, saleId);
    return new SyncEvent(entry.id(), entry.hlc(), entry.at(), storeId, terminalId, null, entry);
  }

  /** An entry's event under an id of its own, as agents before entry-keyed events made them. */
  public SyncEvent entryUnderItsOwnId(String card, EntryType type, long points, long atMillis, UUID saleId) {
    LedgerEntry entry = ledgerEntry(card, type, points, atMillis, saleId);
    return new SyncEvent(UUID.randomUUID(), entry.hlc(), entry.at(), storeId, terminalId, null, entry);
  }

  private LedgerEntry ledgerEntry(String card, EntryType type, long points, long atMillis, UUID saleId) {
    return new LedgerEntry(UUID.randomUUID(), card, type, points, T0.plusMillis(atMillis), hlc(atMillis), storeId,
        terminalId, saleId, type == EntryType.REVERSE ? UUID.randomUUID() : null, null, null);
  }

  public SyncEvent enrol(String card, String phone, long atMillis) {
    MemberEnrolled m = new MemberEnrolled(card, "Member " + card, phone, null, null, storeId, terminalId,
        T0.plusMillis(atMillis));
    return new SyncEvent(UUID.randomUUID(), hlc(atMillis), T0.plusMillis(atMillis), storeId, terminalId, null, m);
  }

  /** The next fiscal document of this terminal, linked into its journal. */
  public SyncEvent fiscal(UUID id, EventPayload payload) {
    clock++;
    seq++;
    String hash = sha256(lastHash + new String(SyncCodec.canonicalBytes(payload), StandardCharsets.UTF_8));
    JournalLink link = new JournalLink(seq, lastHash, hash);
    lastHash = hash;
    return new SyncEvent(id, hlc(clock), T0.plusMillis(clock), storeId, terminalId, link, payload);
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
