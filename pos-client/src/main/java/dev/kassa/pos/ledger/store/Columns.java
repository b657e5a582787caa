package dev.kassa.pos.ledger.store;

import dev.kassa.model.catalog.ProductFlag;
import dev.kassa.model.sale.Payment;
import dev.kassa.model.sale.PaymentMethod;
import dev.kassa.model.money.Money;
import dev.kassa.model.sale.Quantity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** How domain values map to columns: UUIDs and instants as text, money as minor units, flags as a list. */
final class Columns {
  private Columns() {}

  static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  static String flags(Set<ProductFlag> flags) {
    return String.join(",", flags.stream().map(Enum::name).toList());
  }

  static Set<ProductFlag> flags(String text) {
    Set<ProductFlag> flags = EnumSet.noneOf(ProductFlag.class);
    if (!text.isEmpty()) {
      for (String name : text.split(",")) {
        flags.add(ProductFlag.valueOf(name));
      }
    }
    return flags;
  }

  static Quantity quantity(long value, String unit) {
    return new Quantity(value, Quantity.Unit.valueOf(unit));
  }

  static void setNullable(PreparedStatement st, int index, String value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.VARCHAR);
    } else {
      st.setString(index, value);
    }
  }

  /** Inserts payments (or refunds) with columns (owner, seq, method, amount, tendered, reference). */
  static void insertPayments(PreparedStatement st, String ownerId, List<Payment> payments) throws SQLException {
    for (int i = 0; i < payments.size(); i++) {
      Payment p = payments.get(i);
      st.setString(1, ownerId);
      st.setInt(2, i + 1);
      st.setString(3, p.method().name());
      st.setLong(4, p.amount().minor());
      st.setLong(5, p.tendered().minor());
      setNullable(st, 6, p.reference());
      st.executeUpdate();
    }
  }

  static Payment payment(String method, long amount, long tendered, String reference, Currency currency) {
    return new Payment(PaymentMethod.valueOf(method), Money.ofMinor(amount, currency), Money.ofMinor(tendered, currency),
        reference);
  }
}
