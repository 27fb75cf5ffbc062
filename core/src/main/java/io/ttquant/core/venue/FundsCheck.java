package io.ttquant.core.venue;

import io.ttquant.core.order.Order;

/**
 * Asked by a venue, just before a taker fill whose cost was only estimated when the order was
 * sent (a market or stop-market buy), how much of it the order's owner can still pay for. The
 * venue fills that much and expires the rest with INSUFFICIENT_BALANCE, as Binance does when a
 * market buy runs out of funds. Must not change any state.
 */
@FunctionalInterface
public interface FundsCheck {
    /** Everything is affordable. */
    FundsCheck UNLIMITED = (order, price, qty) -> qty;

    /** The largest quantity, at most {@code qty}, that the owner of {@code order} can pay for at {@code price}. */
    long affordableQty(Order order, long price, long qty);
}
