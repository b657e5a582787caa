package dev.kassa.server.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.shift.CashMovement;
import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftOpened;
import dev.kassa.model.sync.EventPayload;
import dev.kassa.model.sync.SyncEvent;
import java.util.Map;

/**
 * What the server accepts from a terminal, beyond a well-formed event: its own store and
 * terminal only, known kinds only, ledger entries a terminal may make, fiscal documents with
 * their journal link. Each rule answers with the reason a rejection carries, or null.
 */
public final class EventRules {
  /** The kind names of the protocol, read from EventPayload's own type table. */
  private static final Map<Class<?>, String> KINDS = kinds();
  private EventRules() {}

  /** The event's kind as stored ("sale", "loyalty-entry"...), or null for an unknown kind. */
  public static String kind(EventPayload payload) {
    return KINDS.get(payload.getClass());
  }

  /** Why {@code event}, pushed by {@code terminalId} of {@code storeId}, is refused; null when it is fine. */
  public static String rejection(SyncEvent event, String storeId, String terminalId) {
    if (kind(event.payload()) == null) {
      return "unknown kind";
    }
    if (!event.storeId().equals(storeId)) {
      return "wrong store: the terminal belongs to another store";
    }
    if (!event.terminalId().equals(terminalId)) {
      return "wrong terminal: an event of another terminal";
    }
    String payloadStore = payloadStore(event.payload());
    String payloadTerminal = payloadTerminal(event.payload());
    if (payloadStore != null && !payloadStore.equals(storeId)) {
      return "wrong store: payload.storeId is another store";
    }
    if (payloadTerminal != null && !payloadTerminal.equals(terminalId)) {
      return "wrong terminal: payload.terminalId is another terminal";
    }
    if (event.payload() instanceof LedgerEntry entry) {
      switch (entry.type()) {
        case ADJUST -> {
          return "invalid: ADJUST entries are made by the office, not by terminals";
        }
        default -> { }
      }
    }
    boolean fiscal = event.payload() instanceof Sale || event.payload() instanceof SaleReturn
        || event.payload() instanceof SaleVoid;
    if (!fiscal && event.journal() != null) {
      return "invalid: only sales, returns and voids carry a journal link";
    }
    return null;
  }

  private static String payloadStore(EventPayload p) {
    if (p instanceof Sale s) {
      return s.storeId();
    } else if (p instanceof SaleReturn r) {
      return r.storeId();
    } else if (p instanceof SaleVoid v) {
      return v.storeId();
    } else if (p instanceof LedgerEntry e) {
      return e.storeId();
    } else if (p instanceof MemberEnrolled m) {
      return m.storeId();
    } else if (p instanceof ShiftOpened o) {
      return o.storeId();
    } else if (p instanceof ShiftClosed c) {
      return c.storeId();
    } else if (p instanceof CashMovement m) {
      return m.storeId();
    }
    return null;
  }

  private static String payloadTerminal(EventPayload p) {
    if (p instanceof Sale s) {
      return s.terminalId();
    } else if (p instanceof SaleReturn r) {
      return r.terminalId();
    } else if (p instanceof SaleVoid v) {
      return v.terminalId();
    } else if (p instanceof LedgerEntry e) {
      return e.terminalId();
    } else if (p instanceof MemberEnrolled m) {
      return m.terminalId();
    } else if (p instanceof ShiftOpened o) {
      return o.terminalId();
    } else if (p instanceof ShiftClosed c) {
      return c.terminalId();
    } else if (p instanceof CashMovement m) {
      return m.terminalId();
    }
    return null;
  }

  private static Map<Class<?>, String> kinds() {
    Map<Class<?>, String> kinds = new java.util.HashMap<>();
    for (JsonSubTypes.Type type : EventPayload.class.getAnnotation(JsonSubTypes.class).value()) {
      kinds.put(type.value(), type.name());
    }
    return Map.copyOf(kinds);
  }

}
