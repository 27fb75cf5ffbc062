package io.ttquant.sim.market;

/**
 * Binance order status. {@link #EXPIRED_IN_MATCH} is an order expired by self-trade prevention.
 * {@link #PENDING_CANCEL} exists in Binance's enum but is unused there and here.
 */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    PENDING_CANCEL,
    REJECTED,
    EXPIRED,
    EXPIRED_IN_MATCH;

    /** True while the order can still trade or be canceled. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
