package io.ttquant.sim.market;

/**
 * The {@code x} field of Binance's {@code executionReport}. {@link #REPLACED} and
 * {@link #REJECTED} are never produced here (no cancel-replace); {@link #TRADE_PREVENTION} reports
 * an order expired by self-trade prevention (its status is {@link OrderStatus#EXPIRED_IN_MATCH}).
 */
public enum ExecutionType {
    NEW,
    CANCELED,
    REPLACED,
    REJECTED,
    TRADE,
    EXPIRED,
    TRADE_PREVENTION
}
