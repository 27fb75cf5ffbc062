package io.ttquant.binance.trading;

import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.TimeInForce;

/**
 * Binance spot order types, as named in REST requests and answers and in the {@code o} field of
 * the user data stream's {@code executionReport}, and the parameters each one takes: a limit
 * {@code price}, a {@code stopPrice}, a {@code timeInForce}. Binance spot has no GTX time in force;
 * a post-only limit order is a {@link #LIMIT_MAKER}.
 */
public enum BinanceOrderType {
    LIMIT(true, false, true),
    MARKET(false, false, false),
    STOP_LOSS(false, true, false),
    STOP_LOSS_LIMIT(true, true, true),
    TAKE_PROFIT(false, true, false),
    TAKE_PROFIT_LIMIT(true, true, true),
    LIMIT_MAKER(true, false, false);

    private final boolean needsPrice;
    private final boolean needsStopPrice;
    private final boolean needsTimeInForce;

    BinanceOrderType(boolean needsPrice, boolean needsStopPrice, boolean needsTimeInForce) {
        this.needsPrice = needsPrice;
        this.needsStopPrice = needsStopPrice;
        this.needsTimeInForce = needsTimeInForce;
    }

    public boolean needsPrice() {
        return needsPrice;
    }

    public boolean needsStopPrice() {
        return needsStopPrice;
    }

    public boolean needsTimeInForce() {
        return needsTimeInForce;
    }

    /**
     * The Binance type of a core order: MARKET, LIMIT (LIMIT_MAKER when post-only, GTX),
     * STOP_MARKET as STOP_LOSS, STOP_LIMIT as STOP_LOSS_LIMIT.
     */
    public static BinanceOrderType of(OrderType type, TimeInForce timeInForce) {
        return switch (type) {
            case MARKET -> MARKET;
            case LIMIT -> timeInForce == TimeInForce.GTX ? LIMIT_MAKER : LIMIT;
            case STOP_MARKET -> STOP_LOSS;
            case STOP_LIMIT -> STOP_LOSS_LIMIT;
        };
    }
}
