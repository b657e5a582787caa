package dev.kassa.pos.checkout;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.id.UuidV7;
import dev.kassa.model.ledger.EntryType;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.CompiledProgram;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.model.sync.Reservation;
import dev.kassa.model.sync.ReservationRequest;
import dev.kassa.pos.ledger.CardPosition;
import dev.kassa.pos.ledger.CommittedSale;
import dev.kassa.pos.ledger.SaleDraft;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a basket into a committed sale: the loyalty engine evaluates it with the local program and
 * what the till knows of the card, the sale, its loyalty record and its points entries are
 * committed to the ledger together, and only then may the drawer open. Earning always works
 * offline. Paying with points goes through a server reservation when the server answers (so two
 * online tills never spend the same points), and otherwise only within the
 * {@link OfflineRedemptionRule}; the sale's loyalty record says which ({@code offline}).
 */
public final class Checkout {
  private static final Logger log = LoggerFactory.getLogger(Checkout.class);

  private final TerminalLedger ledger;
  private final Programs programs;
  private final SyncClient online;
  private final BooleanSupplier serverReachable;
  private final Clock clock;
  private final ZoneId storeZone;

  /**
   * {@code online} is a client with short timeouts (the cashier waits for it), or null for a till
   * that never redeems online; {@code serverReachable} lets the till skip the wait while the sync
   * agent already knows the server is away.
   */
  public Checkout(TerminalLedger ledger, Programs programs, SyncClient online, BooleanSupplier serverReachable,
      Clock clock, ZoneId storeZone) {
    this.ledger = requireNonNull(ledger, "ledger == null");
    this.programs = requireNonNull(programs, "programs == null");
    this.online = online;
    this.serverReachable = requireNonNull(serverReachable, "serverReachable == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.storeZone = requireNonNull(storeZone, "storeZone == null");
  }

  public CheckoutResult checkout(CheckoutRequest request) {
    UUID saleId = UuidV7.next();
    Optional<LoyaltyEngine> engine = request.cardNumber() == null ? Optional.empty() : programs.current();
    Basket basket = basket(request);
    if (engine.isEmpty()) {
      return commit(saleId, request, basket, null, null, List.of(), CheckoutResult.Redemption.NONE, null);
    }
    LoyaltyEngine loyalty = engine.get();
    String card = request.cardNumber();
    CardPosition position = ledger.cardPosition(card);
    Instant now = clock.instant();
    if (request.pointsWanted() > 0 && online != null && serverReachable.getAsBoolean()) {
      Optional<CheckoutResult> done = tryOnline(saleId, request, basket, loyalty, position, now);
      if (done.isPresent()) {
        return done.get();
      }
    }
    long allowance = loyalty.program().program().redemption() == null
        ? 0 : loyalty.program().program().redemption().offlineAllowanceOrZero();
    long offlineLimit = OfflineRedemptionRule.limit(allowance, position);
    Evaluation evaluation = loyalty.evaluate(cardState(position, position.balance(), loyalty),
        basket.redeeming(Math.min(request.pointsWanted(), offlineLimit)), now);
    CheckoutResult.Redemption kind = evaluation.pointsRedeemed() > 0
        ? CheckoutResult.Redemption.OFFLINE : CheckoutResult.Redemption.NONE;
    return commit(saleId, request, basket, loyalty, evaluation, entries(saleId, card, evaluation, loyalty, now), kind,
        null);
  }

  /** Empty when the server could not be asked (the caller goes offline); a refusal redeems nothing. */
  private Optional<CheckoutResult> tryOnline(UUID saleId, CheckoutRequest request, Basket basket, LoyaltyEngine loyalty,
      CardPosition position, Instant now) {
    String card = request.cardNumber();
    try {
      // the server does not know this till's redemptions still in its outbox: never spend them twice
      // (those already pushed are counted twice until the next pull; erring on the safe side)
      long available = Math.max(0, online.balance(card).available() - position.unconfirmedSpent());
      Evaluation evaluation = loyalty.evaluate(cardState(position, available, loyalty),
          basket.redeeming(request.pointsWanted()), now);
      if (evaluation.pointsRedeemed() == 0) {
        return Optional.of(commit(saleId, request, basket, loyalty, evaluation,
            entries(saleId, card, evaluation, loyalty, now), CheckoutResult.Redemption.NONE, null));
      }
      Reservation hold = online.reserve(new ReservationRequest(UuidV7.next(), card, evaluation.pointsRedeemed(), saleId));
      try {
        return Optional.of(commit(saleId, request, basket, loyalty, evaluation,
            entries(saleId, card, evaluation, loyalty, now), CheckoutResult.Redemption.ONLINE, hold.id().toString()));
      } catch (RuntimeException e) {
        release(hold);
        throw e;
      }
    } catch (SyncFailure.Rejected refused) {
      // the server says the points are not there (another till spent them): sell without them
      log.info("points hold refused for a card: {}", refused.describe());
      Evaluation evaluation = loyalty.evaluate(cardState(position, position.balance(), loyalty), basket, now);
      return Optional.of(commit(saleId, request, basket, loyalty, evaluation,
          entries(saleId, card, evaluation, loyalty, now), CheckoutResult.Redemption.NONE, null));
    } catch (SyncFailure failure) {
      log.info("points redeemed offline, server not answering: {}", failure.describe());
      return Optional.empty();
    }
  }

  private void release(Reservation hold) {
    try {
      online.voidReservation(hold.id());
    } catch (SyncFailure e) {
      log.warn("could not void points hold {}; it expires by itself: {}", hold.id(), e.describe());
    }
  }

  private static Basket basket(CheckoutRequest request) {
    List<BasketLine> lines = new ArrayList<>();
    int lineNo = 1;
    for (CartLine line : request.lines()) {
      lines.add(BasketLine.of(lineNo++, line.product(), line.quantity()));
    }
    return Basket.of(request.lines().get(0).product().price().currency(), lines);
  }

  /**
   * The card as the engine sees it here: {@code balance} is what it may spend now; the tier, first
   * purchase and birthday come from what the server last published of the card plus this till's
   * sales it has not counted yet, the same facts its points recompute reads, so both evaluate the
   * sale alike whenever the till holds the card's latest state.
   */
  private static CardState cardState(CardPosition position, long balance, LoyaltyEngine loyalty) {
    CompiledProgram program = loyalty.program();
    return new CardState(position.cardNumber(), balance, List.of(), program.tierFor(position.spend12m()),
        Money.ofMinor(position.spend12m(), program.currency()), position.firstPurchaseAt(), position.birthday());
  }

  private List<LedgerEntry> entries(UUID saleId, String card, Evaluation evaluation, LoyaltyEngine loyalty, Instant now) {
    List<LedgerEntry> entries = new ArrayList<>(2);
    String store = ledger.identity().storeId();
    String terminal = ledger.identity().terminalId();
    if (evaluation.pointsRedeemed() > 0) {
      entries.add(new LedgerEntry(UuidV7.next(), card, EntryType.REDEEM, -evaluation.pointsRedeemed(), now,
          ledger.hybridClock().now(), store, terminal, saleId, null, null, null));
    }
    if (evaluation.pointsEarned() > 0) {
      // the lot's life is counted from its hybrid time, the time every node orders it by
      Hlc stamp = ledger.hybridClock().now();
      int days = loyalty.program().expiryDays();
      Instant expires = days > 0 ? stamp.instant().plus(Duration.ofDays(days)) : null;
      entries.add(new LedgerEntry(UuidV7.next(), card, EntryType.EARN, evaluation.pointsEarned(), now, stamp, store,
          terminal, saleId, null, expires, null));
    }
    return entries;
  }

  private CheckoutResult commit(UUID saleId, CheckoutRequest request, Basket basket, LoyaltyEngine loyalty,
      Evaluation evaluation, List<LedgerEntry> entries, CheckoutResult.Redemption kind, String reservationId) {
    List<SaleLine> lines = SaleLines.of(request, evaluation, ledger.feeds(),
        clock.instant().atZone(storeZone).toLocalDate());
    Money total = Money.zero(basket.currency());
    for (SaleLine line : lines) {
      total = total.plus(line.net());
    }
    List<Payment> payments = new ArrayList<>(2);
    Money rest = total;
    SaleLoyalty saleLoyalty = null;
    if (evaluation != null) {
      if (evaluation.pointsRedeemed() > 0) {
        payments.add(Payment.of(PaymentMethod.POINTS, evaluation.redeemedValue(), reservationId));
        rest = total.minus(evaluation.redeemedValue());
      }
      // no coupons: the till takes no codes yet. When it does, the sale records the codes CouponRules
      // accepted (not the definition ids the basket gets): the server maps them back as the till did.
      saleLoyalty = new SaleLoyalty(request.cardNumber(), loyalty.program().version(), evaluation.tierId(),
          evaluation.pointsEarned(), evaluation.pointsRedeemed(), evaluation.redeemedValue(), reservationId,
          kind == CheckoutResult.Redemption.OFFLINE, List.of());
    }
    if (rest.isPositive()) {
      payments.add(request.restPaidBy() == PaymentMethod.CASH ? Payment.cash(rest, rest)
          : Payment.of(request.restPaidBy(), rest, null));
    }
    CommittedSale committed = ledger.completeSale(new SaleDraft(saleId, request.cashierId(), lines, payments,
        saleLoyalty, entries));
    return new CheckoutResult(committed.sale(), evaluation, entries, kind);
  }
}
