package io.ttquant.binance.userdata;

/** The {@code o} field of Binance's {@code executionReport}: Binance spot's order types, as named there. */
public enum SpotOrderType {
    LIMIT,
    MARKET,
    STOP_LOSS,
    STOP_LOSS_LIMIT,
    TAKE_PROFIT,
    TAKE_PROFIT_LIMIT,
    LIMIT_MAKER
}
