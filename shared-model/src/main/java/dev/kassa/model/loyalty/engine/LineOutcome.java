package dev.kassa.model.loyalty.engine;

import dev.kassa.model.money.Money;

/**
 * The engine's result for one line: {@code discount} of every kind (the sale line's discount),
 * {@code net} = amount - discount, the part of the net paid with points ({@code redeemed}, a payment,
 * not a discount) and the {@code points} the line earns.
 */
public record LineOutcome(int lineNo, Money amount, Money discount, Money net, Money redeemed, long points) {
}
