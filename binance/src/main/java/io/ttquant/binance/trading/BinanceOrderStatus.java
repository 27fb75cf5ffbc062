package io.ttquant.binance.trading;

import io.ttquant.core.order.OrderStatus;

/** An order's status as Binance spot reports it, and its meaning in core's order life cycle. */
public enum BinanceOrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    PENDING_CANCEL,
    REJECTED,
    EXPIRED,
    EXPIRED_IN_MATCH;

    /** True once the order can no longer fill. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED || this == EXPIRED_IN_MATCH;
    }

    /**
     * The core status: NEW and PENDING_CANCEL are ACCEPTED (working), EXPIRED_IN_MATCH (self-trade
     * prevention) is EXPIRED, the rest keep their name.
     */
    public OrderStatus toCore() {
        return switch (this) {
            case NEW, PENDING_CANCEL -> OrderStatus.ACCEPTED;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.FILLED;
            case CANCELED -> OrderStatus.CANCELED;
            case REJECTED -> OrderStatus.REJECTED;
            case EXPIRED, EXPIRED_IN_MATCH -> OrderStatus.EXPIRED;
        };
    }
}
