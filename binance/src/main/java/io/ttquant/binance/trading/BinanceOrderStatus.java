package io.ttquant.binance.trading;

import io.ttquant.core.order.OrderStatus;

/**
 * An order's status as Binance spot reports it (the {@code status} of a REST order answer, the
 * {@code X} field of the user data stream's {@code executionReport}), and its meaning in core's
 * order life cycle.
 */
public enum BinanceOrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    /** Documented by Binance as currently unused. */
    PENDING_CANCEL,
    REJECTED,
    EXPIRED,
    /** Expired by self-trade prevention. */
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
