package io.ttquant.binance.userdata;

/** The {@code X} field of Binance's {@code executionReport}: the order's status after this report. */
public enum SpotOrderStatus {
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

    /** True when no further report can change the order. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED || this == EXPIRED_IN_MATCH;
    }
}
