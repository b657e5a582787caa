package dev.kassa.model.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kassa.model.ledger.LedgerEntry;
import dev.kassa.model.member.MemberEnrolled;
import dev.kassa.model.sale.Sale;
import dev.kassa.model.sale.SaleReturn;
import dev.kassa.model.sale.SaleVoid;
import dev.kassa.model.shift.CashMovement;
import dev.kassa.model.shift.ShiftClosed;
import dev.kassa.model.shift.ShiftOpened;

/**
 * What a terminal reports in a {@link SyncEvent}. The JSON names the kind in a {@code kind}
 * property; a kind this version does not know (from a newer terminal) decodes to
 * {@link UnknownPayload} so that one event can be rejected without failing the whole batch.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind", defaultImpl = UnknownPayload.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = Sale.class, name = "sale"),
    @JsonSubTypes.Type(value = SaleReturn.class, name = "return"),
    @JsonSubTypes.Type(value = SaleVoid.class, name = "void"),
    @JsonSubTypes.Type(value = ShiftOpened.class, name = "shift-opened"),
    @JsonSubTypes.Type(value = ShiftClosed.class, name = "shift-closed"),
    @JsonSubTypes.Type(value = CashMovement.class, name = "cash-movement"),
    @JsonSubTypes.Type(value = LedgerEntry.class, name = "loyalty-entry"),
    @JsonSubTypes.Type(value = MemberEnrolled.class, name = "member-enrolled")
})
public interface EventPayload {
}
