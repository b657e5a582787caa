package dev.kassa.server.loyalty.store;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.server.loyalty.ProgramSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recomputes a merged sale's earned points with the shared {@link LoyaltyEngine} and the program
 * version the terminal named, against the card as the server knows it (12-month spend and first
 * purchase from the merged sales before this one, birthday from the enrolment). A difference is a
 * mismatch: the terminal may have known less (offline sales elsewhere), or it is a bug or tampering;
 * either way the office sees it. An unknown program version is recorded as a mismatch too. Coupon
 * codes the sale presented count as the till counted them ({@link PresentedCoupons}).
 */
public final class EnginePointsCheck implements PointsCheck {
  private final ProgramSource programs;
  private final Map<Integer, LoyaltyEngine> engines = new ConcurrentHashMap<>();

  public EnginePointsCheck(ProgramSource programs) {
    this.programs = programs;
  }

  @Override
  public Optional<MismatchStore.Mismatch> check(Connection c, Sale sale) throws SQLException {
    return sale.loyalty() == null ? Optional.empty() : checkAll(c, List.of(sale)).stream().findFirst();
  }

  @Override
  public List<MismatchStore.Mismatch> checkAll(Connection c, List<Sale> sales) throws SQLException {
    // the engine reads the spend only for the tier it reaches: a spend known to lie within one tier will do
    CardHistory history = CardHistory.before(c, sales, (sale, low, high) -> engine(sale.loyalty().programVersion())
        .map(e -> Objects.equals(e.program().tierFor(low), e.program().tierFor(high))).orElse(true));
    PresentedCoupons coupons = PresentedCoupons.of(c, sales, v -> engine(v).map(LoyaltyEngine::program));
    List<MismatchStore.Mismatch> found = new ArrayList<>();
    for (Sale sale : sales) {
      if (sale.loyalty() != null) {
        check(sale, history.stateBefore(sale), coupons).ifPresent(found::add);
      }
    }
    return found;
  }

  private Optional<MismatchStore.Mismatch> check(Sale sale, CardState card, PresentedCoupons coupons) {
    SaleLoyalty loyalty = sale.loyalty();
    if (loyalty == null) {
      return Optional.empty();
    }
    Optional<LoyaltyEngine> engine = engine(loyalty.programVersion());
    if (engine.isEmpty()) {
      return Optional.of(mismatch(sale, -1, "program version " + loyalty.programVersion() + " is not published"));
    }
    List<BasketLine> lines = new ArrayList<>(sale.lines().size());
    for (SaleLine line : sale.lines()) {
      lines.add(new BasketLine(line.lineNo(), line.sku(), line.categoryId(), line.quantity(), line.unitPrice(),
          line.amount(), line.flags()));
    }
    // the sale carries the codes presented; the engine takes the definitions the till accepted them as
    Basket basket = new Basket(sale.total().currency(), lines,
        coupons.definitionIds(engine.get().program(), loyalty, sale.createdAt()), loyalty.pointsRedeemed());
    Evaluation evaluation;
    try {
      evaluation = engine.get().evaluate(card, basket, sale.createdAt());
    } catch (IllegalArgumentException e) {
      return Optional.of(mismatch(sale, -1, "the engine refused the sale: " + e.getMessage()));
    }
    if (evaluation.pointsEarned() == loyalty.pointsEarned()) {
      return Optional.empty();
    }
    return Optional.of(mismatch(sale, evaluation.pointsEarned(), "engine v" + loyalty.programVersion() + " earns "
        + evaluation.pointsEarned() + " (tier " + evaluation.tierId() + "), terminal said " + loyalty.pointsEarned()
        + " (tier " + loyalty.tier() + ")"));
  }

  private Optional<LoyaltyEngine> engine(int version) {
    LoyaltyEngine cached = engines.get(version);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<LoyaltyEngine> made = programs.version(version).map(LoyaltyEngine::of);
    made.ifPresent(e -> engines.put(version, e));
    return made;
  }

  private static MismatchStore.Mismatch mismatch(Sale sale, long serverPoints, String detail) {
    SaleLoyalty loyalty = sale.loyalty();
    return new MismatchStore.Mismatch(sale.id(), sale.storeId(), sale.terminalId(), loyalty.cardNumber(),
        loyalty.programVersion(), loyalty.pointsEarned(), serverPoints, detail);
  }
}
