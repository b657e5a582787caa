package dev.kassa.server.loyalty.store;

import dev.kassa.model.loyalty.card.CardState;
import dev.kassa.model.loyalty.engine.Basket;
import dev.kassa.model.loyalty.engine.BasketLine;
import dev.kassa.model.loyalty.engine.Evaluation;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleLine;
import dev.kassa.model.sale.SaleLoyalty;
import dev.kassa.server.loyalty.ProgramSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recomputes a merged sale's earned points with the shared {@link LoyaltyEngine} and the program
 * version the terminal named, against the card as the server knows it (12-month spend and first
 * purchase from the merged sales before this one, birthday from the enrolment). A difference is a
 * mismatch: the terminal may have known less (offline sales elsewhere), or it is a bug or tampering;
 * either way the office sees it. An unknown program version is recorded as a mismatch too.
 */
public final class EnginePointsCheck implements PointsCheck {
  private static final Duration SPEND_WINDOW = Duration.ofDays(365);

  private final ProgramSource programs;
  private final Map<Integer, LoyaltyEngine> engines = new ConcurrentHashMap<>();

  public EnginePointsCheck(ProgramSource programs) {
    this.programs = programs;
  }

  @Override
  public Optional<MismatchStore.Mismatch> check(Connection c, Sale sale) throws SQLException {
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
    Basket basket = new Basket(sale.total().currency(), lines, loyalty.coupons(), loyalty.pointsRedeemed());
    Evaluation evaluation;
    try {
      evaluation = engine.get().evaluate(cardState(c, sale), basket, sale.createdAt());
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

  private static CardState cardState(Connection c, Sale sale) throws SQLException {
    String card = sale.loyalty().cardNumber();
    Instant at = sale.createdAt();
    long spend = 0;
    Instant first = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN created_at >= ? THEN total_minor"
        + " ELSE 0 END), 0), MIN(created_at) FROM sales WHERE card_number = ? AND created_at < ? AND id <> ?")) {
      ps.setLong(1, at.minus(SPEND_WINDOW).toEpochMilli());
      ps.setString(2, card);
      ps.setLong(3, at.toEpochMilli());
      ps.setString(4, sale.id().toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        spend = rs.getLong(1);
        long min = rs.getLong(2);
        first = rs.wasNull() ? null : Instant.ofEpochMilli(min);
      }
    }
    LocalDate birthday = null;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT birthday FROM member_enrolments WHERE card_number = ? AND birthday IS NOT NULL ORDER BY enrolled_at")) {
      ps.setString(1, card);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          birthday = LocalDate.parse(rs.getString(1));
        }
      }
    }
    // the redemption the terminal made is a fact here; the balance only has to allow it
    return new CardState(card, sale.loyalty().pointsRedeemed(), List.of(), null,
        Money.ofMinor(spend, sale.total().currency()), first, birthday);
  }

  private static MismatchStore.Mismatch mismatch(Sale sale, long serverPoints, String detail) {
    SaleLoyalty loyalty = sale.loyalty();
    return new MismatchStore.Mismatch(sale.id(), sale.storeId(), sale.terminalId(), loyalty.cardNumber(),
        loyalty.programVersion(), loyalty.pointsEarned(), serverPoints, detail);
  }
}
