package io.ttquant.binance.userdata;

/** The {@code x} field of Binance's {@code executionReport}: what this report is about. */
public enum ExecutionType {
    /** The order was accepted by the engine. */
    NEW,
    /** The order was canceled by the user. */
    CANCELED,
    /** Unused by Binance spot today; kept so such a report is not rejected. */
    REPLACED,
    /** The new order of a cancel-replace was rejected (the cancel went through). */
    REJECTED,
    /** Part or all of the order filled: the {@code l}, {@code L}, {@code n}, {@code t} fields describe the fill. */
    TRADE,
    /** Canceled by the order type's rules (IOC, FOK, market remainder) or by the exchange. */
    EXPIRED,
    /** Expired by self-trade prevention. */
    TRADE_PREVENTION
}
