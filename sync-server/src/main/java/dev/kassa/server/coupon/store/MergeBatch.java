package dev.kassa.server.coupon.store;

import dev.kassa.model.loyalty.certificate.CertificateRejectedException;
import dev.kassa.model.loyalty.certificate.GiftCertificate;
import dev.kassa.model.loyalty.certificate.GiftCertificates;
import dev.kassa.model.loyalty.coupon.CouponRules;
import dev.kassa.model.loyalty.coupon.IssuedCoupon;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.server.coupon.CouponCodes;
import dev.kassa.server.feed.store.ChangeLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One pushed batch's coupons and certificates as they stand (locked), changed in memory by its sales,
 * voids and returns in that order, then written together; see {@link CouponMerge} for the rules.
 *
 * <p>A single-use code's sales are merged as a set, so that the order pushes arrive in does not
 * matter: of the live sales that used a code (not voided), the one with the smallest id holds it
 * (ids are UUIDv7, made by the tills: the sale's time on its till, then random bits; compared as
 * text, as the database does) and each of the others is recorded as a reuse of it. A void takes its
 * sale out of the set; when it held the code, the next sale takes it over.
 */
final class MergeBatch {
  private final Map<String, IssuedCoupon> coupons;
  private final Map<String, CouponRows.Certificate> certificates;
  private final CouponMoves.Earlier earlier;
  private final Instant now;
  private final Set<String> couponsChanged = new TreeSet<>();
  private final Set<String> certificatesChanged = new TreeSet<>();
  private final Set<String> reusesChanged = new TreeSet<>();
  private final Map<String, List<CouponMoves.Reuse>> storedReuses;
  /** The live sales of each code this batch touched, by sale id; a stored holder's place is looked up at write. */
  private final Map<String, TreeMap<String, Place>> users = new TreeMap<>();
  private final List<CouponMoves.Move> moves = new ArrayList<>();

  /** Where a sale of a code was made, and when its reuse was first recorded (for a reuse row). */
  private record Place(String storeId, String terminalId, long recordedAt) {}

  MergeBatch(Map<String, IssuedCoupon> coupons, Map<String, List<CouponMoves.Reuse>> storedReuses,
      Map<String, CouponRows.Certificate> certificates, CouponMoves.Earlier earlier, Instant now) {
    this.coupons = new TreeMap<>(coupons);
    this.storedReuses = storedReuses;
    this.certificates = new TreeMap<>(certificates);
    this.earlier = earlier;
    this.now = now;
  }

  /** The live sales of {@code code} as stored: its holder and its reuses. */
  private TreeMap<String, Place> users(String code) {
    return users.computeIfAbsent(code, k -> {
      TreeMap<String, Place> live = new TreeMap<>();
      IssuedCoupon coupon = coupons.get(k);
      if (coupon.usedInSale() != null) {
        live.put(coupon.usedInSale().toString(), null);
      }
      for (CouponMoves.Reuse r : storedReuses.getOrDefault(k, List.of())) {
        live.put(r.saleId(), new Place(r.storeId(), r.terminalId(), r.recordedAt()));
      }
      return live;
    });
  }

  void sale(Sale sale) {
    if (sale.loyalty() != null) {
      for (String code : new LinkedHashSet<>(sale.loyalty().coupons().stream().map(CouponCodes::normal).toList())) {
        if (coupons.containsKey(code)) {
          users(code).putIfAbsent(sale.id().toString(), new Place(sale.storeId(), sale.terminalId(), now.toEpochMilli()));
        }
      }
    }
    List<Payment> payments = sale.payments();
    for (int i = 0; i < payments.size(); i++) {
      Payment payment = payments.get(i);
      if (payment.method() == PaymentMethod.GIFT_CERTIFICATE && payment.reference() != null) {
        pay(sale, i, CouponCodes.normal(payment.reference()), payment.amount());
      }
    }
  }

  private void pay(Sale sale, int paymentNo, String code, Money asked) {
    CouponRows.Certificate certificate = certificates.get(code);
    if (certificate == null || !certificate.state().initial().currency().equals(asked.currency())) {
      moves.add(move(sale.id(), paymentNo, code, sale.id(), "PAY", 0, asked, certificate == null ? "UNKNOWN"
          : "CURRENCY", sale.storeId(), sale.terminalId()));
      return;
    }
    GiftCertificate was = certificate.state();
    CertificateRejectedException.Reason refusal = GiftCertificates.refusal(was, sale.createdAt());
    Money charged = was.balance().min(asked);
    // without partial use the first payment uses the certificate up (GiftCertificates.pay)
    Money left = certificate.partialUse() ? was.balance().minus(charged) : Money.zero(asked.currency());
    String flag = refusal != null ? refusal.name() : charged.compareTo(asked) < 0 ? "SHORT" : null;
    setBalance(certificate, left);
    moves.add(move(sale.id(), paymentNo, code, sale.id(), "PAY", left.minor() - was.balance().minor(), asked, flag,
        sale.storeId(), sale.terminalId()));
  }

  void voided(SaleVoid saleVoid) {
    UUID saleId = saleVoid.saleId();
    for (String code : coupons.keySet()) {
      users(code).remove(saleId.toString());
    }
    // what the sale's payments (and anything since) moved, stored or in this batch, goes back
    Map<String, Long> moved = new TreeMap<>();
    for (CouponMoves.Moved m : earlier.certificateMoves()) {
      if (m.saleId().equals(saleId)) {
        moved.merge(m.code(), m.amountMinor(), Math::addExact);
      }
    }
    for (CouponMoves.Move m : moves) {
      if (m.saleId().equals(saleId)) {
        moved.merge(m.code(), m.amountMinor(), Math::addExact);
      }
    }
    int paymentNo = 0;
    for (Map.Entry<String, Long> entry : moved.entrySet()) {
      CouponRows.Certificate certificate = certificates.get(entry.getKey());
      if (certificate == null || entry.getValue() >= 0) {
        continue;
      }
      GiftCertificate was = certificate.state();
      Money back = Money.ofMinor(-entry.getValue(), was.initial().currency());
      GiftCertificate after = GiftCertificates.refund(was, back);
      certificates.put(entry.getKey(), certificate.withState(after));
      certificatesChanged.add(entry.getKey());
      moves.add(move(saleVoid.id(), paymentNo++, entry.getKey(), saleId, "VOID",
          after.balance().minor() - was.balance().minor(), back, null, saleVoid.storeId(), saleVoid.terminalId()));
    }
  }

  void returned(SaleReturn r) {
    if (earlier.documentsRecorded().contains(r.id())) {
      return;
    }
    List<Payment> refunds = r.refunds();
    for (int i = 0; i < refunds.size(); i++) {
      Payment refund = refunds.get(i);
      if (refund.method() != PaymentMethod.GIFT_CERTIFICATE || refund.reference() == null) {
        continue;
      }
      String code = CouponCodes.normal(refund.reference());
      CouponRows.Certificate certificate = certificates.get(code);
      if (certificate == null || !certificate.state().initial().currency().equals(refund.amount().currency())) {
        moves.add(move(r.id(), i, code, r.originalSaleId(), "REFUND", 0, refund.amount(),
            certificate == null ? "UNKNOWN" : "CURRENCY", r.storeId(), r.terminalId()));
        continue;
      }
      GiftCertificate was = certificate.state();
      GiftCertificate after = GiftCertificates.refund(was, refund.amount());
      long added = after.balance().minor() - was.balance().minor();
      certificates.put(code, certificate.withState(after));
      certificatesChanged.add(code);
      moves.add(move(r.id(), i, code, r.originalSaleId(), "REFUND", added, refund.amount(),
          added < refund.amount().minor() ? "ABOVE_INITIAL" : null, r.storeId(), r.terminalId()));
    }
  }

  private void setBalance(CouponRows.Certificate certificate, Money balance) {
    GiftCertificate was = certificate.state();
    certificates.put(was.code(), certificate.withState(
        new GiftCertificate(was.code(), was.initial(), balance, was.soldAt(), was.expiresAt(), was.blocked())));
    certificatesChanged.add(was.code());
  }

  private CouponMoves.Move move(UUID documentId, int paymentNo, String code, UUID saleId, String kind,
      long amountMinor, Money asked, String flag, String storeId, String terminalId) {
    return new CouponMoves.Move(documentId, paymentNo, code, saleId, kind, amountMinor, asked.minor(), flag,
        storeId, terminalId, now.toEpochMilli());
  }

  /**
   * Each touched code's holder (the smallest live sale id) and reuse rows (the other live sales),
   * against what is stored: changed holders go to {@link #couponsChanged}, codes whose reuse rows
   * change to {@link #reusesChanged}. Answers the reuse rows of those codes.
   */
  private List<CouponMoves.Reuse> settleCodes(Connection c) throws SQLException {
    Set<String> placesWanted = new TreeSet<>();
    for (Map.Entry<String, TreeMap<String, Place>> entry : users.entrySet()) {
      TreeMap<String, Place> live = entry.getValue();
      live.forEach((sale, place) -> {
        if (place == null && !sale.equals(live.firstKey())) {
          placesWanted.add(sale);
        }
      });
    }
    Map<String, String[]> stored = placesWanted.isEmpty() ? Map.of() : CouponMoves.places(c, placesWanted);
    List<CouponMoves.Reuse> reuses = new ArrayList<>();
    for (Map.Entry<String, TreeMap<String, Place>> entry : users.entrySet()) {
      String code = entry.getKey();
      TreeMap<String, Place> live = entry.getValue();
      String holder = live.isEmpty() ? null : live.firstKey();
      IssuedCoupon coupon = coupons.get(code);
      if (!Objects.equals(holder, coupon.usedInSale() == null ? null : coupon.usedInSale().toString())) {
        IssuedCoupon free = coupon.used() ? CouponRules.release(coupon, coupon.usedInSale()) : coupon;
        coupons.put(code, holder == null ? free : CouponRules.consume(free, UUID.fromString(holder)));
        couponsChanged.add(code);
      }
      List<CouponMoves.Reuse> wanted = new ArrayList<>();
      for (Map.Entry<String, Place> user : live.entrySet()) {
        if (user.getKey().equals(holder)) {
          continue;
        }
        Place place = user.getValue();
        if (place == null) {
          // the former holder, now a reuse: where it was sold (were its sale row missing, left empty
          // rather than the push refused)
          String[] where = stored.getOrDefault(user.getKey(), new String[] {"", ""});
          place = new Place(where[0], where[1], now.toEpochMilli());
        }
        wanted.add(new CouponMoves.Reuse(code, user.getKey(), holder, place.storeId(), place.terminalId(),
            place.recordedAt()));
      }
      if (!wanted.equals(storedReuses.getOrDefault(code, List.of()))) {
        reusesChanged.add(code);
        reuses.addAll(wanted);
      }
    }
    return reuses;
  }

  List<ChangeLog.Entry> write(Connection c) throws SQLException {
    List<CouponMoves.Reuse> reuses = settleCodes(c);
    List<IssuedCoupon> usedOrFreed = couponsChanged.stream().map(coupons::get).toList();
    List<GiftCertificate> moved = certificatesChanged.stream().map(code -> certificates.get(code).state()).toList();
    if (!usedOrFreed.isEmpty()) {
      CouponRows.updateUse(c, usedOrFreed, now.toEpochMilli());
    }
    if (!moved.isEmpty()) {
      CouponRows.updateCertificates(c, moved);
    }
    CouponMoves.replaceReuses(c, reusesChanged, reuses);
    CouponMoves.insertMoves(c, moves);
    List<ChangeLog.Entry> changes = new ArrayList<>();
    usedOrFreed.forEach(coupon -> changes.add(CouponRows.entry(coupon)));
    moved.forEach(certificate -> changes.add(CouponRows.entry(certificate)));
    return changes;
  }
}
